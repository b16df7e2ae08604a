-- Roles and databases beside the application database, as infra/local creates them. The
-- migrations grant the application role what it may do (never UPDATE or DELETE on events).
CREATE ROLE care_app LOGIN PASSWORD 'care_app';
CREATE DATABASE care_test OWNER care;
CREATE DATABASE care_bench OWNER care;
