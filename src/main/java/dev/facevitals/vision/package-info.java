/**
 * Faces in images and videos, for the health scan and the snapshot check.
 *
 * <p>Everything here is plain Java working on {@link dev.facevitals.vision.ImageView} (packed BGR pixels):
 * geometry, BlazeFace output decoding, skin regions, the skin rule and sampler, the tracker, the conditions
 * rules. Models run in {@code dev.facevitals.vision.opencv}, the only place with native types, behind
 * {@link dev.facevitals.vision.FaceDetector} and {@link dev.facevitals.vision.FaceLandmarker}.
 *
 * <p>Entry points for the service: {@code opencv.OpenCvVision} (built once from
 * {@link dev.facevitals.vision.VisionSettings}; model checksums verified at construction) with
 * {@code checkConditions(byte[])} for {@code POST /v1/videos/check-conditions} and
 * {@code newRecorder(width, height)} giving a {@link dev.facevitals.vision.SkinTraceRecorder} per video,
 * whose {@code traces()} feed the vitals engine and whose {@code report().errorCode()} gives the scan's
 * face errors (3 no face, 4 not enough skin, 5 out of frame).
 */
package dev.facevitals.vision;
