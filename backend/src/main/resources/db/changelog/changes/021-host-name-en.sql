--liquibase formatted sql

--changeset dm:021-host-name-en
-- A host's name for customers who read English ("Netherlands" beside "Нидерланды"); NULL = the one name for all.
ALTER TABLE hosts ADD COLUMN name_en VARCHAR(64);
