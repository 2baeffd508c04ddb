-- The gateway's "find the usable approval for this exact call, or create a pending one" in one round
-- trip. It used to be an interactive transaction of five statements holding a pooled connection; a burst
-- of calls needing approval queued for the pool and failed with "cannot reach its database" (503).
-- Serialised per call identity by a transaction-scoped advisory lock (identical calls arriving together
-- share one request); plpgsql takes a fresh snapshot per statement, so the lookup after the lock sees an
-- approval another call committed while this one waited. An approved, unused one comes first, so a retry
-- after the decision runs rather than waiting on a newer duplicate (the enum sorts pending < approved).
CREATE FUNCTION toolgate_find_or_create_approval(
  p_id TEXT,
  p_tenant_id TEXT,
  p_server_id TEXT,
  p_grant_id TEXT,
  p_tool TEXT,
  p_arguments_hash TEXT,
  p_arguments JSONB,
  p_rule TEXT,
  p_expires_at TIMESTAMPTZ(3),
  p_now TIMESTAMPTZ(3)
) RETURNS SETOF "Approval" LANGUAGE plpgsql AS $$
DECLARE
  usable "Approval";
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(
    concat_ws(E'\n', p_tenant_id, p_server_id, p_grant_id, p_tool, p_arguments_hash), 0));
  SELECT * INTO usable FROM "Approval"
  WHERE "tenantId" = p_tenant_id AND "serverId" = p_server_id AND "grantId" = p_grant_id
    AND "tool" = p_tool AND "argumentsHash" = p_arguments_hash
    AND "status" IN ('pending', 'approved') AND "usedAt" IS NULL AND "expiresAt" > p_now
  ORDER BY "status" DESC, "createdAt" ASC
  LIMIT 1;
  IF FOUND THEN
    RETURN NEXT usable;
    RETURN;
  END IF;
  RETURN QUERY
  INSERT INTO "Approval" ("id", "tenantId", "serverId", "grantId", "tool", "argumentsHash", "arguments",
    "rule", "expiresAt")
  VALUES (p_id, p_tenant_id, p_server_id, p_grant_id, p_tool, p_arguments_hash, p_arguments, p_rule,
    p_expires_at)
  RETURNING *;
END;
$$;
