package dev.facevitals.video;

import dev.facevitals.vision.ImageView;

/**
 * One decoded frame. The pixels stay valid until the source decodes the next frame or is closed.
 *
 * @param index             0-based decode order
 * @param timestampMicros   presentation time from the stream, microseconds from the first frame
 * @param image             BGR pixels
 * @param keyAfterPredicted whether this frame was coded on its own (a key or intra frame) while the frame
 *                          before it was predicted from others: where an inter-frame codec refreshes the
 *                          picture (once a group of pictures, and at scene cuts). Through x264 and x265 at a
 *                          phone's budget the small level changes a pulse is made of change most beside these
 *                          frames, and are coded less faithfully all through the group of pictures
 *                          (docs/vitals.md, "Stop 17" and "Stop 18"). Never true in all-intra video, or on the
 *                          first frame.
 * @param predicted         whether this frame was predicted from others (a P or B frame): the video is
 *                          inter-frame coded, which the engine does not take HRV from (docs/vitals.md, "Stop
 *                          19"), even when the whole scan is one group of pictures and no key frame follows
 */
public record VideoFrame(int index, long timestampMicros, ImageView image, boolean keyAfterPredicted,
                         boolean predicted) {
}
