package dev.facevitals.video;

/**
 * What a bare decode ({@link VideoDecoder#bareDecode}) saw.
 *
 * @param frames         frames decoded and handed out (damaged ones excluded)
 * @param damagedFrames  frames or packets that failed to decode or came out concealed, skipped
 * @param lastTimestampMicros presentation time of the last frame, microseconds from the first
 */
public record DecodeStats(long frames, long damagedFrames, long lastTimestampMicros) {
}
