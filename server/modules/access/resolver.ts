import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Role } from './roles';
import * as access from './service';
import { AuditFilterInput, AuditPage, CreateUserInput, User } from './types';

@Resolver()
export class AccessResolver {
  @Query(() => User, { nullable: true, description: 'Người đang đăng nhập; null khi chưa đăng nhập' })
  me(@Ctx() ctx: Context): Promise<User | null> {
    return access.me(ctx);
  }

  @Mutation(() => User, { description: 'Đăng nhập: đặt cookie phiên (HttpOnly)' })
  signIn(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return access.signIn(ctx, username, password);
  }

  @Mutation(() => Boolean, { description: 'Đăng xuất: thu hồi phiên hiện tại' })
  signOut(@Ctx() ctx: Context): Promise<boolean> {
    return access.signOut(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Đổi mật khẩu của chính mình; các phiên khác bị thu hồi' })
  changeOwnPassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return access.changeOwnPassword(ctx, currentPassword, newPassword);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Query(() => [User], { description: 'Danh sách tài khoản (quản trị tỉnh)' })
  users(@Ctx() ctx: Context): Promise<User[]> {
    return access.listUsers(ctx);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => User, { description: 'Tạo tài khoản (quản trị tỉnh)' })
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    return access.createUser(ctx, input);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => User, { description: 'Đặt lại mật khẩu (quản trị tỉnh); mọi phiên của người đó bị thu hồi' })
  resetPassword(
    @Arg('username', () => String) username: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return access.resetPassword(ctx, username, newPassword);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Mutation(() => User, { description: 'Khóa (active = false) hoặc mở lại tài khoản (quản trị tỉnh)' })
  setUserActive(
    @Arg('username', () => String) username: string,
    @Arg('active', () => Boolean) active: boolean,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return access.setUserActive(ctx, username, active);
  }

  @Authorized(Role.PROVINCE_ADMIN)
  @Query(() => AuditPage, { description: 'Nhật ký thao tác, mới nhất trước (quản trị tỉnh)' })
  async auditLog(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
  ): Promise<AuditPage> {
    return access.auditLogPage(ctx, filter ?? {}, limit, offset);
  }
}
