-- Staff may send a petition back to its authors with a reason they can read.
ALTER TABLE petition ADD COLUMN rejection_reason VARCHAR(1000) NULL;
