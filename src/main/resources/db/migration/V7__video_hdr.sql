-- The HDR transfer the video was recorded with, "hlg" or "pq" (its frames mapped to SDR for the analysis); null
-- for SDR video, for scans analysed before this column, and when the video could not be read.
alter table scans add column video_hdr varchar(8);
