-- DESIGN §2 "Roles": an account holds none by default; only the operator command (bin/roles, or
-- `java -jar application.jar roles …` in the pod) grants or revokes one. The check names every
-- role there is, so nothing else (a typo, a null) can be stored.
ALTER TABLE users
    ADD COLUMN roles text[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['door', 'support']::text[]);
