-- The test database beside the application database, as infra/local creates it.
CREATE DATABASE care_test OWNER care;
