-- reprocess follows a batch by counting its finished jobs every 200 ms:
-- without this index each count scans River's whole job table.
CREATE INDEX qualcheck_river_job_batch ON river_job ((args->>'batch'), state)
    WHERE kind = 'qualcheck.verify';
