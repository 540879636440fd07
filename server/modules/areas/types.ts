import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { AreaSummary } from './queries';

export enum AreaLevel {
  COUNTRY = 'country',
  PROVINCE = 'province',
  COMMUNE = 'commune',
  HAMLET = 'hamlet',
}
registerEnumType(AreaLevel, { name: 'AreaLevel', description: 'Cấp địa bàn' });

@ObjectType({ simpleResolvers: true, description: 'Địa bàn hành chính: tỉnh, xã/phường, thôn/xóm' })
export class Area implements Omit<AreaSummary, 'level'> {
  id!: number;
  parentId!: number | null;

  @Field(() => String, { description: 'Mã đơn vị hành chính' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AreaLevel)
  level!: AreaLevel;

  @Field(() => String, { description: 'Loại: tỉnh, xã, phường, xóm, tổ dân phố, …' })
  kind!: string;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}

export const toArea = (row: AreaSummary): Area => Object.assign(new Area(), row, { level: row.level as AreaLevel });
