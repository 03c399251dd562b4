-- steps and run_events churn like a queue: rows turn over many times a second. Vacuum and
-- analyze them after 1 % of rows change instead of 20 %, so dead index entries do not pile up
-- in the partial ready/lease indexes and the planner's row estimates stay current.
ALTER TABLE "steps" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01, autovacuum_vacuum_cost_delay = 0);
--> statement-breakpoint
ALTER TABLE "run_events" SET (autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
ALTER TABLE "runs" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
