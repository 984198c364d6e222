--liquibase formatted sql

--changeset dm:007-broadcasts
-- A recipient is claimed (SENDING) before its message goes out and settled after. A claim left behind by a crash is
-- settled as FAILED, never re-sent: we can't know whether Telegram delivered it, and twice is worse than once less.
ALTER TABLE broadcast_recipients DROP CONSTRAINT broadcast_recipients_status_check;
ALTER TABLE broadcast_recipients ADD CONSTRAINT broadcast_recipients_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'BLOCKED'));
ALTER TABLE broadcast_recipients ADD COLUMN claimed_at TIMESTAMPTZ;
CREATE INDEX ix_broadcast_recipients_sending ON broadcast_recipients (broadcast_id, claimed_at) WHERE status = 'SENDING';
-- When the audience was fixed (at start); null while a draft or scheduled, so the count is live until then.
ALTER TABLE broadcasts ADD COLUMN started_at TIMESTAMPTZ;
ALTER TABLE broadcasts ADD COLUMN finished_at TIMESTAMPTZ;
