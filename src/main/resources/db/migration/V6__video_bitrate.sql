-- The uploaded video's size over its duration, Mbit/s (null for scans analysed before this column, and when
-- the video could not be read).
alter table scans add column video_bitrate_mbps double precision;
