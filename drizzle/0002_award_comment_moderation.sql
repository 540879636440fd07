DROP INDEX "award_comments_nomination_idx";--> statement-breakpoint
ALTER TABLE "award_comments" ADD COLUMN "author_key" text;--> statement-breakpoint
ALTER TABLE "award_comments" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "award_comments" ADD COLUMN "hidden_by" integer;--> statement-breakpoint
ALTER TABLE "award_comments" ADD COLUMN "hidden_reason" text;--> statement-breakpoint
ALTER TABLE "award_comments" ADD CONSTRAINT "award_comments_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_comments_nomination_idx" ON "award_comments" USING btree ("nomination_id","author_key");