-- Why a done scan's breathing rate or HRV is null (VitalsResult.Withheld codes, e.g. 'scan_too_short');
-- null when the value was reported, and on failed scans, whose error says why.
alter table scans add column respiration_withheld varchar(40);
alter table scans add column hrv_withheld varchar(40);
