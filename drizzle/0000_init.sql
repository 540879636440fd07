CREATE TYPE "public"."area_level" AS ENUM('country', 'province', 'commune', 'hamlet');--> statement-breakpoint
CREATE TYPE "public"."assessment_result" AS ENUM('PASSED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."target_group" AS ENUM('public_sector', 'enterprise', 'citizen', 'student');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('PROVINCE_LEADER', 'PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER', 'TEAM_LEADER', 'COMMITTEE_MEMBER');--> statement-breakpoint
CREATE TYPE "public"."team_member_organisation" AS ENUM('HAMLET_HEAD', 'YOUTH_UNION', 'WOMENS_UNION', 'FARMERS_UNION', 'VETERANS_ASSOCIATION', 'RETIRED_TEACHER', 'POLICE', 'MILITIA', 'STUDENT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."team_member_role" AS ENUM('LEADER', 'DEPUTY', 'MEMBER');--> statement-breakpoint
CREATE TYPE "public"."target_metric" AS ENUM('OUTREACH_SESSIONS', 'PEOPLE_SUPPORTED', 'APP_INSTALLS', 'LESSONS_COMPLETED', 'NEW_DIGITAL_FAMILIES');--> statement-breakpoint
CREATE TYPE "public"."campaign_kind" AS ENUM('SUMMER', 'SCHOOL_START', 'DIGITAL_TRANSFORMATION_DAY');--> statement-breakpoint
CREATE TYPE "public"."award_approval_rule" AS ENUM('MAJORITY_OF_ALL', 'NINETY_PERCENT_OF_ALL');--> statement-breakpoint
CREATE TYPE "public"."award_title" AS ENUM('GIA_DINH_SO_TIEU_BIEU', 'CONG_DAN_SO_DIEN_HINH', 'TO_CDS_TIEU_BIEU', 'GIA_DINH_HOC_TAP_SO');--> statement-breakpoint
CREATE TYPE "public"."award_ballot" AS ENUM('FOR', 'AGAINST');--> statement-breakpoint
CREATE TYPE "public"."award_deciding_level" AS ENUM('COMMUNE_CHAIR', 'PROVINCIAL_COUNCIL');--> statement-breakpoint
CREATE TYPE "public"."award_nomination_state" AS ENUM('draft', 'submitted', 'eligible', 'ineligible', 'under_review', 'posted', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "area_ancestors" (
	"area_id" integer NOT NULL,
	"ancestor_id" integer NOT NULL,
	"depth" smallint NOT NULL,
	CONSTRAINT "area_ancestors_area_id_ancestor_id_pk" PRIMARY KEY("area_id","ancestor_id")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "areas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"level" "area_level" NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"valid_from" date DEFAULT '2025-07-01' NOT NULL,
	"valid_to" date,
	"geometry" jsonb,
	"latitude" double precision,
	"longitude" double precision,
	CONSTRAINT "areas_validity_ck" CHECK ("areas"."valid_to" is null or "areas"."valid_to" > "areas"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_set_items" (
	"set_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "criteria_set_items_set_id_criterion_code_pk" PRIMARY KEY("set_id","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "criteria_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "criteria_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"province_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"name" text NOT NULL,
	"digital_hamlet_threshold" numeric(4, 3) DEFAULT '0.8' NOT NULL,
	CONSTRAINT "criteria_sets_province_year_uq" UNIQUE("province_id","year")
);
--> statement-breakpoint
CREATE TABLE "household_criteria" (
	"household_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"met_on" date NOT NULL,
	"lost_on" date,
	"verified_by" text,
	"verified_at" timestamp with time zone,
	CONSTRAINT "household_criteria_household_id_criterion_code_pk" PRIMARY KEY("household_id","criterion_code"),
	CONSTRAINT "household_criteria_interval_ck" CHECK ("household_criteria"."lost_on" is null or "household_criteria"."lost_on" > "household_criteria"."met_on")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"hamlet_id" integer NOT NULL,
	"head_name" text NOT NULL,
	"members" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_code_unique" UNIQUE("code"),
	CONSTRAINT "households_members_ck" CHECK ("households"."members" between 1 and 50)
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "residents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"household_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"birth_year" smallint,
	"sex" "sex",
	"target_group" "target_group" DEFAULT 'citizen' NOT NULL,
	CONSTRAINT "residents_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "skill_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skill_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resident_id" integer NOT NULL,
	"target_group" "target_group" NOT NULL,
	"result" "assessment_result" NOT NULL,
	"assessed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_criterion_daily_totals" (
	"area_id" integer NOT NULL,
	"criterion_code" text NOT NULL,
	"day" date NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "area_criterion_daily_totals_area_id_criterion_code_day_pk" PRIMARY KEY("area_id","criterion_code","day")
);
--> statement-breakpoint
CREATE TABLE "area_daily_totals" (
	"area_id" integer NOT NULL,
	"day" date NOT NULL,
	"digital_families" integer DEFAULT 0 NOT NULL,
	"skilled_residents" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "area_daily_totals_area_id_day_pk" PRIMARY KEY("area_id","day")
);
--> statement-breakpoint
CREATE TABLE "area_totals" (
	"area_id" integer PRIMARY KEY NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"residents" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_digital_periods" (
	"household_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "household_digital_periods_household_id_starts_on_pk" PRIMARY KEY("household_id","starts_on")
);
--> statement-breakpoint
CREATE TABLE "resident_skill_passes" (
	"resident_id" integer PRIMARY KEY NOT NULL,
	"passed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"ip" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	CONSTRAINT "sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "user_areas" (
	"user_id" integer NOT NULL,
	"area_id" integer NOT NULL,
	CONSTRAINT "user_areas_user_id_area_id_pk" PRIMARY KEY("user_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "team_hamlets" (
	"team_id" integer NOT NULL,
	"hamlet_id" integer NOT NULL,
	CONSTRAINT "team_hamlets_team_id_hamlet_id_pk" PRIMARY KEY("team_id","hamlet_id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "team_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"team_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"phone" text,
	"role" "team_member_role" DEFAULT 'MEMBER' NOT NULL,
	"organisation" "team_member_organisation" DEFAULT 'OTHER' NOT NULL,
	"is_ambassador" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"joined_on" date,
	CONSTRAINT "team_members_name_ck" CHECK (length(trim("team_members"."full_name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commune_id" integer NOT NULL,
	"name" text NOT NULL,
	"decision_number" text,
	"founded_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"metric" "target_metric" NOT NULL,
	"commune_id" integer,
	"team_id" integer,
	"value" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_owner_ck" CHECK (("targets"."commune_id" is null) <> ("targets"."team_id" is null)),
	CONSTRAINT "targets_period_ck" CHECK ("targets"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "targets_value_ck" CHECK ("targets"."value" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaign_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"commune_id" integer NOT NULL,
	"volunteers" integer NOT NULL,
	"people_supported" integer NOT NULL,
	"sessions" integer NOT NULL,
	"content" text NOT NULL,
	"lessons_learnt" text,
	"reported_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_reports_commune_uq" UNIQUE("campaign_id","commune_id"),
	CONSTRAINT "campaign_reports_counts_ck" CHECK ("campaign_reports"."volunteers" >= 0 and "campaign_reports"."people_supported" >= 0 and "campaign_reports"."sessions" >= 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "campaign_kind" NOT NULL,
	"year" smallint NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "campaigns_kind_year_uq" UNIQUE("kind","year"),
	CONSTRAINT "campaigns_dates_ck" CHECK ("campaigns"."ends_on" >= "campaigns"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "activity_daily_totals" (
	"team_id" integer NOT NULL,
	"hamlet_id" integer NOT NULL,
	"metric" "target_metric" NOT NULL,
	"day" date NOT NULL,
	"quantity" integer NOT NULL,
	"records" integer NOT NULL,
	CONSTRAINT "activity_daily_totals_team_id_hamlet_id_metric_day_pk" PRIMARY KEY("team_id","hamlet_id","metric","day")
);
--> statement-breakpoint
CREATE TABLE "support_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "support_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" uuid NOT NULL,
	"team_id" integer NOT NULL,
	"hamlet_id" integer NOT NULL,
	"member_id" integer,
	"campaign_id" integer,
	"metric" "target_metric" NOT NULL,
	"quantity" integer NOT NULL,
	"activity_on" date NOT NULL,
	"household_id" integer,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_activities_client_id_unique" UNIQUE("client_id"),
	CONSTRAINT "support_activities_quantity_ck" CHECK ("support_activities"."quantity" between 1 and 1000),
	CONSTRAINT "support_activities_metric_ck" CHECK ("support_activities"."metric" <> 'NEW_DIGITAL_FAMILIES')
);
--> statement-breakpoint
CREATE TABLE "digital_markets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "digital_markets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commune_id" integer NOT NULL,
	"name" text NOT NULL,
	"vendors" integer NOT NULL,
	"qr_vendors" integer NOT NULL,
	"standard_met_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digital_markets_vendors_ck" CHECK ("digital_markets"."vendors" >= 0 and "digital_markets"."qr_vendors" between 0 and "digital_markets"."vendors")
);
--> statement-breakpoint
CREATE TABLE "quarter_area_snapshots" (
	"period" text NOT NULL,
	"area_id" integer NOT NULL,
	"households" integer NOT NULL,
	"residents" integer NOT NULL,
	"digital_families" integer NOT NULL,
	"skilled_residents" integer NOT NULL,
	CONSTRAINT "quarter_area_snapshots_period_area_id_pk" PRIMARY KEY("period","area_id")
);
--> statement-breakpoint
CREATE TABLE "quarter_reviews" (
	"period" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"closed_by" integer,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarter_target_snapshots" (
	"period" text NOT NULL,
	"target_id" integer NOT NULL,
	"metric" "target_metric" NOT NULL,
	"commune_id" integer NOT NULL,
	"team_id" integer,
	"owner_name" text NOT NULL,
	"target" integer NOT NULL,
	"achieved" integer NOT NULL,
	CONSTRAINT "quarter_target_snapshots_period_target_id_pk" PRIMARY KEY("period","target_id")
);
--> statement-breakpoint
CREATE TABLE "award_certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"nomination_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	"revoked_on" date,
	"revoked_reason" text,
	CONSTRAINT "award_certificates_code_unique" UNIQUE("code"),
	CONSTRAINT "award_certificates_nomination_id_unique" UNIQUE("nomination_id")
);
--> statement-breakpoint
CREATE TABLE "award_comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"nomination_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_cycle_members" (
	"cycle_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"is_chair" boolean DEFAULT false NOT NULL,
	CONSTRAINT "award_cycle_members_cycle_id_user_id_pk" PRIMARY KEY("cycle_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "award_cycles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_cycles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"province_id" integer NOT NULL,
	"title" "award_title" NOT NULL,
	"year" smallint NOT NULL,
	"name" text NOT NULL,
	"nomination_opens_on" date NOT NULL,
	"nomination_closes_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"quota_per_commune" smallint NOT NULL,
	"quota_total" smallint NOT NULL,
	"rubric" jsonb NOT NULL,
	"quorum_numerator" smallint DEFAULT 2 NOT NULL,
	"quorum_denominator" smallint DEFAULT 3 NOT NULL,
	"approval_rule" "award_approval_rule" DEFAULT 'MAJORITY_OF_ALL' NOT NULL,
	"deciding_level" "award_deciding_level" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_cycles_title_year_uq" UNIQUE("province_id","title","year"),
	CONSTRAINT "award_cycles_window_ck" CHECK ("award_cycles"."nomination_opens_on" <= "award_cycles"."nomination_closes_on" and "award_cycles"."nomination_closes_on" < "award_cycles"."closes_on"),
	CONSTRAINT "award_cycles_quota_ck" CHECK ("award_cycles"."quota_per_commune" > 0 and "award_cycles"."quota_total" >= "award_cycles"."quota_per_commune")
);
--> statement-breakpoint
CREATE TABLE "award_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cycle_id" integer NOT NULL,
	"commune_id" integer,
	"number" text NOT NULL,
	"decided_on" date NOT NULL,
	"signer" text NOT NULL,
	"recorded_by" integer,
	CONSTRAINT "award_decisions_scope_uq" UNIQUE NULLS NOT DISTINCT("cycle_id","commune_id")
);
--> statement-breakpoint
CREATE TABLE "award_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"nomination_id" integer NOT NULL,
	"note" text,
	"mime_type" text,
	"content" "bytea",
	"byte_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_evidence_size_ck" CHECK ("award_evidence"."byte_size" is null or "award_evidence"."byte_size" <= 2097152)
);
--> statement-breakpoint
CREATE TABLE "award_nominations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "award_nominations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cycle_id" integer NOT NULL,
	"commune_id" integer NOT NULL,
	"household_id" integer,
	"resident_id" integer,
	"team_id" integer,
	"team_name" text,
	"nominee_name" text NOT NULL,
	"justification" text NOT NULL,
	"state" "award_nomination_state" DEFAULT 'draft' NOT NULL,
	"eligibility" jsonb,
	"eligibility_checked_on" date,
	"posted_on" date,
	"posting_ends_on" date,
	"nominated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_nominations_household_uq" UNIQUE("cycle_id","household_id"),
	CONSTRAINT "award_nominations_resident_uq" UNIQUE("cycle_id","resident_id"),
	CONSTRAINT "award_nominations_team_uq" UNIQUE("cycle_id","team_id"),
	CONSTRAINT "award_nominations_one_nominee_ck" CHECK (num_nonnulls("award_nominations"."household_id", "award_nominations"."resident_id", "award_nominations"."team_id") = 1),
	CONSTRAINT "award_nominations_team_name_ck" CHECK (("award_nominations"."team_id" is null) = ("award_nominations"."team_name" is null))
);
--> statement-breakpoint
CREATE TABLE "award_reviews" (
	"nomination_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"vote" "award_ballot",
	"recused" boolean DEFAULT false NOT NULL,
	"conflict_note" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "award_reviews_nomination_id_member_id_pk" PRIMARY KEY("nomination_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "area_ancestors" ADD CONSTRAINT "area_ancestors_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_ancestors" ADD CONSTRAINT "area_ancestors_ancestor_id_areas_id_fk" FOREIGN KEY ("ancestor_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_id_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set_items" ADD CONSTRAINT "criteria_set_items_set_id_criteria_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set_items" ADD CONSTRAINT "criteria_set_items_criterion_code_criteria_code_fk" FOREIGN KEY ("criterion_code") REFERENCES "public"."criteria"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_sets" ADD CONSTRAINT "criteria_sets_province_id_areas_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_criteria" ADD CONSTRAINT "household_criteria_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_criteria" ADD CONSTRAINT "household_criteria_criterion_code_criteria_code_fk" FOREIGN KEY ("criterion_code") REFERENCES "public"."criteria"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_hamlet_id_areas_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessments" ADD CONSTRAINT "skill_assessments_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_criterion_daily_totals" ADD CONSTRAINT "area_criterion_daily_totals_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_daily_totals" ADD CONSTRAINT "area_daily_totals_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_totals" ADD CONSTRAINT "area_totals_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_digital_periods" ADD CONSTRAINT "household_digital_periods_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_skill_passes" ADD CONSTRAINT "resident_skill_passes_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_hamlets" ADD CONSTRAINT "team_hamlets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_hamlets" ADD CONSTRAINT "team_hamlets_hamlet_id_areas_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_commune_id_areas_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_commune_id_areas_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_commune_id_areas_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_reports" ADD CONSTRAINT "campaign_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_daily_totals" ADD CONSTRAINT "activity_daily_totals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_daily_totals" ADD CONSTRAINT "activity_daily_totals_hamlet_id_areas_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_hamlet_id_areas_id_fk" FOREIGN KEY ("hamlet_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_member_id_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digital_markets" ADD CONSTRAINT "digital_markets_commune_id_areas_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_area_snapshots" ADD CONSTRAINT "quarter_area_snapshots_period_quarter_reviews_period_fk" FOREIGN KEY ("period") REFERENCES "public"."quarter_reviews"("period") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_area_snapshots" ADD CONSTRAINT "quarter_area_snapshots_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_reviews" ADD CONSTRAINT "quarter_reviews_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarter_target_snapshots" ADD CONSTRAINT "quarter_target_snapshots_period_quarter_reviews_period_fk" FOREIGN KEY ("period") REFERENCES "public"."quarter_reviews"("period") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_certificates" ADD CONSTRAINT "award_certificates_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_certificates" ADD CONSTRAINT "award_certificates_decision_id_award_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_comments" ADD CONSTRAINT "award_comments_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_cycle_members" ADD CONSTRAINT "award_cycle_members_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_cycle_members" ADD CONSTRAINT "award_cycle_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_cycles" ADD CONSTRAINT "award_cycles_province_id_areas_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_cycles" ADD CONSTRAINT "award_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_commune_id_areas_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decisions" ADD CONSTRAINT "award_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_evidence" ADD CONSTRAINT "award_evidence_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_commune_id_areas_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_reviews" ADD CONSTRAINT "award_reviews_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_reviews" ADD CONSTRAINT "award_reviews_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_ancestors_ancestor_idx" ON "area_ancestors" USING btree ("ancestor_id","depth");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_current_code_uq" ON "areas" USING btree ("code") WHERE "areas"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "areas_name_key_idx" ON "areas" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "households_hamlet_idx" ON "households" USING btree ("hamlet_id");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_assessments_uq" ON "skill_assessments" USING btree ("resident_id","target_group","assessed_on");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_hamlets_hamlet_uq" ON "team_hamlets" USING btree ("hamlet_id");--> statement-breakpoint
CREATE INDEX "team_members_team_idx" ON "team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "teams_commune_idx" ON "teams" USING btree ("commune_id");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_commune_uq" ON "targets" USING btree ("commune_id","period","metric") WHERE "targets"."commune_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_team_uq" ON "targets" USING btree ("team_id","period","metric") WHERE "targets"."team_id" is not null;--> statement-breakpoint
CREATE INDEX "targets_period_idx" ON "targets" USING btree ("period");--> statement-breakpoint
CREATE INDEX "activity_daily_totals_hamlet_idx" ON "activity_daily_totals" USING btree ("hamlet_id","day");--> statement-breakpoint
CREATE INDEX "support_activities_team_day_idx" ON "support_activities" USING btree ("team_id","activity_on");--> statement-breakpoint
CREATE INDEX "support_activities_hamlet_day_idx" ON "support_activities" USING btree ("hamlet_id","activity_on");--> statement-breakpoint
CREATE INDEX "digital_markets_commune_idx" ON "digital_markets" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "quarter_target_snapshots_commune_idx" ON "quarter_target_snapshots" USING btree ("period","commune_id");--> statement-breakpoint
CREATE INDEX "award_comments_nomination_idx" ON "award_comments" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "award_evidence_nomination_idx" ON "award_evidence" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "award_nominations_cycle_idx" ON "award_nominations" USING btree ("cycle_id","commune_id");