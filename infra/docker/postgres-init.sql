-- Roles and databases beside the application database, as infra/local creates them. The
-- migrations grant the application and relay roles what they may do (never UPDATE or DELETE
-- on events; only the relay may look up the analytics stream's pseudonymous keys).
CREATE ROLE care_app LOGIN PASSWORD 'care_app';
CREATE ROLE care_relay LOGIN PASSWORD 'care_relay';
CREATE DATABASE care_test OWNER care;
CREATE DATABASE care_bench OWNER care;
