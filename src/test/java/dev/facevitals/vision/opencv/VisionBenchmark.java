package dev.facevitals.vision.opencv;

import dev.facevitals.vision.FaceDetector;
import dev.facevitals.vision.FaceLandmarker;
import dev.facevitals.vision.FaceObservation;
import dev.facevitals.vision.FaceTracker;
import dev.facevitals.vision.ImageView;
import dev.facevitals.vision.MeshCrop;
import dev.facevitals.vision.SkinTraceRecorder;
import dev.facevitals.vision.TestImages;
import dev.facevitals.vision.TrackerSettings;
import dev.facevitals.vision.VisionSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Manual measurement, not a test (no timing assertions belong in tests):
 * <pre>
 *   java -cp ... dev.facevitals.vision.opencv.VisionBenchmark make out.mp4      # 640x480 H.264 selfie clip
 *   java -cp ... dev.facevitals.vision.opencv.VisionBenchmark run video.mp4 [landmarkInterval]
 * </pre>
 * "run" decodes the video alone, then decodes and tracks + samples, alternating three times, and prints the
 * best per-frame wall times of each, the vision share, and the thread CPU time of tracking/sampling frames
 * and of keyframes; then the detector and landmark model alone on one frame.
 */
public final class VisionBenchmark {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        if (args.length >= 2 && args[0].equals("make")) {
            make(args[1]);
        } else if (args.length >= 2 && args[0].equals("run")) {
            run(args[1], args.length > 2 ? Integer.parseInt(args[2]) : TrackerSettings.DEFAULTS.landmarkInterval());
        } else {
            System.err.println("usage: make out.mp4 | run video.mp4 [landmarkInterval]");
        }
    }

    /** 20 s of the good snapshot at 640x480, drifting slowly, brightness pulsing at 1.2 Hz (72 bpm). */
    static void make(String out) throws Exception {
        ImageView snap = SamplePhotos.goodSnapshot();
        // 465x620 portrait into a 640x480 landscape frame: scale to 480 high, centre
        ImageView scaled = TestImages.scale(snap, 480.0 / snap.height());
        ImageView frame0 = TestImages.crop(scaled, (scaled.width() - 640) / 2, 0, 640, 480);
        double fps = 30;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out, 640, 480, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat mat = new Mat(480, 640, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setFormat("mp4");
            rec.setFrameRate(fps);
            rec.setVideoBitrate(2_000_000);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.start();
            byte[] row = new byte[640 * 3];
            for (int i = 0; i < 20 * fps; i++) {
                double gain = 1 + 0.01 * Math.sin(2 * Math.PI * 1.2 * i / fps);
                ImageView f = TestImages.gain(TestImages.shift(frame0, 4 * Math.sin(i / 40.0), 3 * Math.sin(i / 55.0)),
                        gain, gain);
                for (int y = 0; y < 480; y++) {
                    f.pixels().get(f.offset(0, y), row);
                    mat.data().position(y * mat.step()).put(row);
                }
                mat.data().position(0);
                rec.record(conv.convert(mat));
            }
            rec.stop();
        }
        System.out.println("wrote " + out);
    }

    static void run(String file, int interval) throws Exception {
        VisionSettings settings = VisionSettings.defaults().withTracker(TrackerSettings.DEFAULTS.withLandmarkInterval(interval));
        try (OpenCvVision vision = new OpenCvVision(settings)) {
            double bestDecode = Double.MAX_VALUE;
            double bestBoth = Double.MAX_VALUE;
            for (int rep = 0; rep < 3; rep++) {
                bestDecode = Math.min(bestDecode, pass(file, null, null));
                long[] cpu = new long[4];
                try (SkinTraceRecorder rec = vision.newRecorder(640, 480)) {
                    // the recorder is rebuilt per pass: the size argument only labels the traces
                    double both = pass(file, rec, cpu);
                    bestBoth = Math.min(bestBoth, both);
                    System.out.printf("pass %d: decode+vision %.3f ms/frame; vision CPU: %.1f us per tracked frame "
                                    + "(%d), %.2f ms per keyframe (%d); detections %d, %s%n", rep, both,
                            cpu[0] / 1e3 / Math.max(1, cpu[1]), cpu[1], cpu[2] / 1e6 / Math.max(1, cpu[3]), cpu[3],
                            rec.tracker().detections(), rec.report());
                }
            }
            System.out.printf("best decode %.3f ms/frame, best decode+vision %.3f ms/frame, ratio %.2f%n",
                    bestDecode, bestBoth, bestBoth / bestDecode);
            models(file, vision);
        }
    }

    /** One pass over the file: wall ms per frame; with a recorder also CPU split into cpu[0..3]. */
    private static double pass(String file, SkinTraceRecorder rec, long[] cpu) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            int n = 0;
            long t0 = System.nanoTime();
            Frame f;
            long last = -1;
            while ((f = g.grabImage()) != null) {
                Mat m = conv.convert(f);
                if (rec != null) {
                    ImageView v = new ImageView(m.cols(), m.rows(), (int) m.step(),
                            m.data().capacity(m.step() * m.rows()).asByteBuffer());
                    long ts = Math.max(last + 1, g.getTimestamp());
                    last = ts;
                    long c0 = MX.getCurrentThreadCpuTime();
                    FaceObservation o = rec.accept(v, ts);
                    long c = MX.getCurrentThreadCpuTime() - c0;
                    if (o.keyframe()) {
                        cpu[2] += c;
                        cpu[3]++;
                    } else {
                        cpu[0] += c;
                        cpu[1]++;
                    }
                }
                n++;
            }
            return (System.nanoTime() - t0) / 1e6 / n;
        }
    }

    private static void models(String file, OpenCvVision vision) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             FaceDetector det = vision.newDetector(); FaceLandmarker lm = vision.newLandmarker()) {
            g.start();
            ImageView d = null;
            dev.facevitals.vision.Face face = null;
            Frame f;
            // the first frame with a face
            while (face == null && (f = g.grabImage()) != null) {
                Mat m = conv.convert(f);
                ImageView v = new ImageView(m.cols(), m.rows(), (int) m.step(), m.data().capacity(m.step() * m.rows()).asByteBuffer());
                ImageView frame = TestImages.crop(v, 0, 0, v.width(), v.height()); // heap copy: the grabber moves on
                ByteBuffer direct = ByteBuffer.allocateDirect(frame.pixels().capacity());
                direct.put(frame.pixels().duplicate().clear());
                d = new ImageView(frame.width(), frame.height(), frame.stride(), direct);
                face = dev.facevitals.vision.Detections.largest(det.detect(d));
            }
            if (face == null) {
                System.out.println("no face in the video: model timings skipped");
                return;
            }
            for (int i = 0; i < 20; i++) {
                det.detect(d);
                lm.landmarks(d, MeshCrop.fromFace(face));
            }
            int n = 100;
            long c0 = MX.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                det.detect(d);
            }
            long c1 = MX.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                lm.landmarks(d, MeshCrop.fromFace(face));
            }
            long c2 = MX.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            System.out.printf("detector: %.2f ms wall (%.2f ms CPU of this thread); landmarks: %.2f ms wall (%.2f ms CPU)%n",
                    (w1 - w0) / 1e6 / n, (c1 - c0) / 1e6 / n, (w2 - w1) / 1e6 / n, (c2 - c1) / 1e6 / n);
        }
    }
}
