-- The review queue pages a school's incidents awaiting a decision by urgency rank, then longest waiting, then id
-- (uk.dsltriage.review.ReviewQueue). Without an index on that order, every page sorted all the school's awaiting
-- incidents (a sequential scan: ~0.4 s at 20,000). This index holds exactly the queue's order, for awaiting incidents
-- only, so a page reads its rows and stops. The expression must stay the one ReviewQueue.RANK writes: the
-- planner matches them as written (ReviewQueuePlanTest proves the queue's query uses this index).
create index incident_review_queue_ranked on incident (school_urn,
    (case current_urgency when 'EMERGENCY_NOW' then 0 when 'IMMEDIATE' then 1 when 'SAME_DAY' then 2
        when 'WITHIN_1_WORKING_DAY' then 3 when 'BY_CLOSE_NEXT_WORKING_DAY' then 4 when 'WITHIN_5_DAYS' then 5
        when 'REVIEW' then 6 else 7 end),
    awaiting_since, id)
    where status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW');
