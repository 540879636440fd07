/*
 * What the movement measures: four metrics logged as support activities, and the Gia đình số
 * gained (from the household data). Targets are set on them (targets module) and progress counts
 * them; the vocabulary lives here, with what is logged, so targets depend on activities only.
 */
import { registerEnumType } from 'type-graphql';

export enum TargetMetric {
  OUTREACH_SESSIONS = 'OUTREACH_SESSIONS',
  PEOPLE_SUPPORTED = 'PEOPLE_SUPPORTED',
  APP_INSTALLS = 'APP_INSTALLS',
  LESSONS_COMPLETED = 'LESSONS_COMPLETED',
  NEW_DIGITAL_FAMILIES = 'NEW_DIGITAL_FAMILIES',
}
registerEnumType(TargetMetric, {
  name: 'TargetMetric',
  description: 'Buổi tuyên truyền; lượt người dân được hỗ trợ; lượt cài ứng dụng; bài học kỹ năng số hoàn thành; Gia đình số mới',
});
