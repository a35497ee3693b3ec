-- The video track's coded size over its duration, Mbit/s, audio not counted (null for scans analysed before
-- this column, and when the video could not be read).
alter table scans add column video_bitrate_mbps double precision;
