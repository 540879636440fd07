import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';

export enum MemberRole {
  LEADER = 'LEADER',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
}
registerEnumType(MemberRole, { name: 'MemberRole', description: 'Tổ trưởng, tổ phó, thành viên' });

export enum MemberOrganisation {
  HAMLET_HEAD = 'HAMLET_HEAD',
  YOUTH_UNION = 'YOUTH_UNION',
  WOMENS_UNION = 'WOMENS_UNION',
  FARMERS_UNION = 'FARMERS_UNION',
  VETERANS_ASSOCIATION = 'VETERANS_ASSOCIATION',
  RETIRED_TEACHER = 'RETIRED_TEACHER',
  POLICE = 'POLICE',
  MILITIA = 'MILITIA',
  STUDENT = 'STUDENT',
  OTHER = 'OTHER',
}
registerEnumType(MemberOrganisation, {
  name: 'MemberOrganisation',
  description: 'Trưởng thôn, Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, giáo viên nghỉ hưu, công an, dân quân, học sinh/sinh viên, khác',
});

@ObjectType({ description: 'Thành viên Tổ công nghệ số cộng đồng (dữ liệu cá nhân: chỉ người có phạm vi mới xem)' })
export class TeamMember {
  @Field(() => Int) id!: number;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => MemberRole) role!: MemberRole;
  @Field(() => MemberOrganisation) organisation!: MemberOrganisation;
  @Field(() => Boolean, { description: 'Đại sứ số' }) isAmbassador!: boolean;
  @Field(() => Boolean) active!: boolean;
  @Field(() => DateScalar, { nullable: true }) joinedOn!: string | null;
}

@ObjectType({ description: 'Tổ công nghệ số cộng đồng' })
export class Team {
  @Field(() => Int) id!: number;
  communeId!: number;
  hamletIds!: number[];
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Số quyết định thành lập của Chủ tịch UBND xã' }) decisionNumber!: string | null;
  @Field(() => DateScalar, { nullable: true }) foundedOn!: string | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => Int) members!: number;
  @Field(() => Int) activeMembers!: number;
  @Field(() => Int, { description: 'Số Đại sứ số đang hoạt động' }) ambassadors!: number;
}

@InputType()
export class CreateTeamInput {
  @Field(() => String) communeCode!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'Mã các thôn/xóm tổ phụ trách' }) hamletCodes!: string[];
  @Field(() => String, { nullable: true }) decisionNumber?: string | null;
  @Field(() => DateScalar, { nullable: true }) foundedOn?: string | null;
}

@InputType()
export class UpdateTeamInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) decisionNumber?: string | null;
  @Field(() => Boolean) active!: boolean;
}

@InputType()
export class MemberInput {
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => MemberRole, { defaultValue: MemberRole.MEMBER }) role!: MemberRole;
  @Field(() => MemberOrganisation, { defaultValue: MemberOrganisation.OTHER }) organisation!: MemberOrganisation;
  @Field(() => Boolean, { defaultValue: false }) isAmbassador!: boolean;
  @Field(() => Boolean, { defaultValue: true }) active!: boolean;
  @Field(() => DateScalar, { nullable: true }) joinedOn?: string | null;
}
