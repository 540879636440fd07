CREATE TYPE "public"."area_level" AS ENUM('country', 'province', 'commune', 'hamlet');--> statement-breakpoint
CREATE TYPE "public"."assessment_result" AS ENUM('PASSED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."target_group" AS ENUM('public_sector', 'enterprise', 'citizen', 'student');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('PROVINCE_LEADER', 'PROVINCE_ADMIN', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER', 'TEAM_LEADER', 'COMMITTEE_MEMBER');--> statement-breakpoint
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
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_areas" ADD CONSTRAINT "user_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_ancestors_ancestor_idx" ON "area_ancestors" USING btree ("ancestor_id","depth");--> statement-breakpoint
CREATE UNIQUE INDEX "areas_current_code_uq" ON "areas" USING btree ("code") WHERE "areas"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "areas_name_key_idx" ON "areas" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "households_hamlet_idx" ON "households" USING btree ("hamlet_id");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_assessments_uq" ON "skill_assessments" USING btree ("resident_id","target_group","assessed_on");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");