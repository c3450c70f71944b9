-- A supporter may consent from a form that does not ask for every detail: an event registration asks no
-- country (an online event has none) and only an optional last name. What is not given stays unknown
-- (NULL) rather than invented, and a later consent that does not give a detail keeps the one on file.
ALTER TABLE supporter
    MODIFY COLUMN last_name VARCHAR(100) NULL,
    MODIFY COLUMN country   CHAR(2)      NULL;
