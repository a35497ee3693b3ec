package dev.facevitals.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facevitals.video.VideoException.Kind;
import dev.facevitals.video.synthetic.ClipEncoder;
import dev.facevitals.video.synthetic.ClipEncoder.Codec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad upload ends in a VideoException with a fixed, client-safe message. */
class BadInputTest {

    @TempDir
    Path dir;

    private final VideoDecoder decoder = new VideoDecoder();

    /** Opens and reads the whole file the way the worker does; returns the refusal. */
    private VideoException refusal(Path file) {
        VideoException e = catchThrowableOfType(VideoException.class, () -> {
            try (FrameSource source = decoder.open(file)) {
                while (source.next() != null) {
                    // read everything
                }
            }
        });
        assertThat(e).as("refused: %s", file.getFileName()).isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.kind().message());
        assertThat(e.getMessage()).doesNotContain(dir.toString()).doesNotContain("avformat").doesNotContain("(-");
        // The bare decode refuses the same file for the same reason.
        VideoException bare = catchThrowableOfType(VideoException.class, () -> decoder.bareDecode(file));
        assertThat(bare).isNotNull();
        assertThat(bare.kind()).isEqualTo(e.kind());
        return e;
    }

    /** A good 3 s H.264 MP4 (90 frames) to break. */
    private Path goodMp4(String name, boolean moovAtStart) throws IOException {
        Path file = dir.resolve(name);
        PatternClip.write(file, Codec.H264, 320, 240, PatternClip.cfr(90, 30), 0, moovAtStart);
        return file;
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.mp4"));
        assertThat(refusal(file).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void textFileUnderAVideoNameAndUnderATextName() throws IOException {
        String text = "This is not a video.\nJust some notes someone uploaded by mistake.\n".repeat(50);
        Path asMp4 = Files.writeString(dir.resolve("notes.mp4"), text, StandardCharsets.UTF_8);
        // FFmpeg has an ANSI-art "video" demuxer for .txt files: the container allow-list keeps it out.
        Path asTxt = Files.writeString(dir.resolve("notes.txt"), text, StandardCharsets.UTF_8);
        assertThat(refusal(asMp4).kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(refusal(asTxt).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void randomBytes() throws IOException {
        byte[] junk = new byte[200_000];
        new SplittableRandom(5).nextBytes(junk);
        Path file = Files.write(dir.resolve("junk.mp4"), junk);
        assertThat(refusal(file).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void truncatedPhoneMp4LosesItsIndex() throws IOException {
        // Phones write the moov index last: an upload cut short has no index at all.
        Path good = goodMp4("phone.mp4", false);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("phone-cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(cut).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void truncatedFaststartMp4KeepsItsIndexButLosesFrames() throws IOException {
        Path good = goodMp4("faststart.mp4", true);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("faststart-cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(cut).kind()).isEqualTo(Kind.TRUNCATED);
    }

    @Test
    void corruptBytesInTheMiddle() throws IOException {
        Path good = goodMp4("good.mp4", true);
        byte[] bytes = Files.readAllBytes(good);
        // Overwrite the middle third (frame data; the index is at the start) with noise.
        SplittableRandom random = new SplittableRandom(9);
        for (int i = bytes.length / 3; i < 2 * bytes.length / 3; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        Path bad = Files.write(dir.resolve("corrupt.mp4"), bytes);
        assertThat(refusal(bad).kind()).isEqualTo(Kind.CORRUPT);
    }

    @Test
    void audioOnlyFiles() throws IOException {
        // An MP4-family file (accepted container) holding only audio.
        Path mov = dir.resolve("voice.mov");
        AudioOnly.writeMov(mov, 16_000, 2.0);
        VideoException e = refusal(mov);
        assertThat(e.kind()).isEqualTo(Kind.NO_VIDEO_STREAM);
        assertThat(e.getMessage()).isEqualTo("The file contains no video track.");
        // A WAV file: not an accepted container at all.
        Path wav = Files.write(dir.resolve("voice.wav"), AudioOnly.wav(16_000, 2.0));
        assertThat(refusal(wav).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void videoTrackWithoutFrames() throws IOException {
        // A Matroska file declaring a video track (beside an audio one) that never gets a frame.
        Path mkv = dir.resolve("no-frames.mkv");
        AudioOnly.writeMkvWithEmptyVideoTrack(mkv, 16_000, 2.0);
        VideoException e = refusal(mkv);
        assertThat(e.kind()).isEqualTo(Kind.NO_FRAMES);
        assertThat(e.getMessage()).isEqualTo("The video contains no frames.");
        // FFmpeg's MP4 muxer drops a track without samples: such a file has no video track at all.
        Path mp4 = dir.resolve("no-frames.mp4");
        try (ClipEncoder encoder = new ClipEncoder(mp4, ClipEncoder.Settings.of(Codec.H264, 320, 240))) {
            encoder.finish();
        }
        assertThat(refusal(mp4).kind()).isEqualTo(Kind.NO_VIDEO_STREAM);
    }

    @Test
    void missingFileAndDirectory() throws IOException {
        assertThat(refusal(dir.resolve("does-not-exist.mp4")).kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(refusal(Files.createDirectory(dir.resolve("folder.mp4"))).kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void resolutionAndCodecLimits() throws IOException {
        Path file = goodMp4("limits.mp4", false);
        VideoDecoder small = new VideoDecoder(DecoderSettings.defaults().withMaxPixels(160 * 120));
        VideoException tooLarge = catchThrowableOfType(VideoException.class, () -> small.open(file).close());
        assertThat(tooLarge.kind()).isEqualTo(Kind.TOO_LARGE);
        VideoDecoder noH264 = new VideoDecoder(new DecoderSettings(0, 5, DecoderSettings.DEFAULT_MAX_PIXELS, true,
                DecoderSettings.DEFAULT_FORMATS, java.util.Set.of("vp9")));
        VideoException codec = catchThrowableOfType(VideoException.class, () -> noH264.open(file).close());
        assertThat(codec.kind()).isEqualTo(Kind.UNSUPPORTED_CODEC);
        assertThat(codec.getMessage()).isEqualTo("The video codec is not supported.");
    }

}
