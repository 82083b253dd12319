-- Patients (就诊人) with documents other than the mainland resident ID, and newborns registered under a
-- guardian's document. Every row stored so far holds a resident ID, hence the default. The numbers of the
-- other documents are at most 17 characters, so id_number keeps its width. "A document once among an
-- account's live patients" stays the service's check under patient_account_lock; a newborn is told apart
-- from its guardian and its twin by birth date and name.

ALTER TABLE patient ADD COLUMN document_type VARCHAR(40) NOT NULL DEFAULT 'RESIDENT_ID';
-- ISO 3166-1 alpha-3, passports only: a passport number is unique only within its country
ALTER TABLE patient ADD COLUMN nationality VARCHAR(3);
-- a newborn's own birth date and sex (the guardian's document carries the guardian's), and the guardian's name
ALTER TABLE patient ADD COLUMN newborn_birth_date DATE;
ALTER TABLE patient ADD COLUMN newborn_sex VARCHAR(6);
ALTER TABLE patient ADD COLUMN guardian_name VARCHAR(32);
