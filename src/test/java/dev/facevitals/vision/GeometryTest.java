package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void iouOfKnownBoxes() {
        Box a = new Box(0, 0, 10, 10);
        assertThat(a.iou(new Box(5, 0, 10, 10))).isCloseTo(50.0 / 150, within(1e-12));
        assertThat(a.iou(new Box(20, 20, 5, 5))).isZero();
        assertThat(a.iou(a)).isEqualTo(1.0);
        assertThat(new Box(-5, 0, 10, 10).fractionInside(100, 100)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void affineInverseRoundTrip() {
        Random rnd = new Random(7);
        for (int i = 0; i < 100; i++) {
            Affine m = Affine.rotatedWindow(rnd.nextDouble() * 500, rnd.nextDouble() * 500, 10 + rnd.nextDouble() * 300,
                    rnd.nextDouble() * 6 - 3, 192);
            Point p = new Point(rnd.nextDouble() * 1000 - 200, rnd.nextDouble() * 1000 - 200);
            Point back = m.inverse().apply(m.apply(p));
            assertThat(back.x()).isCloseTo(p.x(), within(1e-9));
            assertThat(back.y()).isCloseTo(p.y(), within(1e-9));
            Point twice = m.inverse().after(m).apply(p);
            assertThat(twice.x()).isCloseTo(p.x(), within(1e-9));
        }
    }

    @Test
    void rotatedWindowMapsCentreAndAxes() {
        // a 100 px window at (300, 200) turned 90 degrees: its x axis points down the image
        Affine m = Affine.rotatedWindow(300, 200, 100, Math.PI / 2, 200);
        assertThat(m.apply(new Point(300, 200))).satisfies(p -> {
            assertThat(p.x()).isCloseTo(100, within(1e-9));
            assertThat(p.y()).isCloseTo(100, within(1e-9));
        });
        Point down = m.apply(new Point(300, 250)); // 50 px below the centre = half a window along its x axis
        assertThat(down.x()).isCloseTo(200, within(1e-9));
        assertThat(down.y()).isCloseTo(100, within(1e-9));
        assertThat(m.scale()).isCloseTo(2, within(1e-12));
    }

    @Test
    void meshCropFromDetectionLevelsTheEyes() {
        Face f = new Face(new Box(100, 100, 80, 80), 0.9,
                List.of(new Point(120, 130), new Point(160, 170), new Point(140, 150), new Point(140, 170),
                        new Point(100, 140), new Point(180, 150)));
        MeshCrop c = MeshCrop.fromFace(f);
        assertThat(c.angle()).isCloseTo(Math.PI / 4, within(1e-12));
        assertThat(c.size()).isCloseTo(120, within(1e-12));
        // in the crop both eyes land on one row
        Affine m = c.toInput(192);
        assertThat(m.apply(f.keypoints().get(0)).y()).isCloseTo(m.apply(f.keypoints().get(1)).y(), within(1e-9));
    }

    @Test
    void polygonRasterOfARectangleHasItsArea() {
        Polygon rect = new Polygon(new double[] {10, 30, 30, 10}, new double[] {5, 5, 15, 15});
        PixelSpans s = rect.rasterize();
        assertThat(s.pixels()).isEqualTo(200);
        assertThat(s.spans()).isEqualTo(10);
        assertThat(s.row(0)).isEqualTo(5);
        assertThat(s.start(0)).isEqualTo(10);
        assertThat(s.end(0)).isEqualTo(30);
        assertThat(s.pixelsInside(-15, 0, 100, 100)).isEqualTo(150);
        assertThat(s.pixelsInside(0, -10, 100, 100)).isEqualTo(100);
        assertThat(rect.area()).isEqualTo(200);
    }

    @Test
    void rasterAgreesWithPointInPolygonOnRandomShapes() {
        Random rnd = new Random(42);
        for (int t = 0; t < 30; t++) {
            int n = 3 + rnd.nextInt(8);
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                double r = 5 + rnd.nextDouble() * 20;
                xs[i] = 40 + r * Math.cos(a);
                ys[i] = 40 + r * Math.sin(a);
            }
            Polygon p = new Polygon(xs, ys);
            PixelSpans s = p.rasterize();
            // the slow oracle: test every pixel centre
            int naive = 0;
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 80; x++) {
                    if (p.contains(x + 0.5, y + 0.5)) {
                        naive++;
                    }
                }
            }
            assertThat(s.pixels()).isEqualTo(naive);
            assertThat((double) s.pixels()).isCloseTo(p.area(), within(0.15 * p.area() + 10));
        }
    }

    @Test
    void weightedNmsMergesOverlapsAndKeepsTheRest() {
        Face a = new Face(new Box(0, 0, 10, 10), 0.9, List.of(new Point(0, 0)));
        Face b = new Face(new Box(2, 0, 10, 10), 0.6, List.of(new Point(10, 0)));
        Face c = new Face(new Box(50, 50, 8, 8), 0.7, List.of(new Point(5, 5)));
        List<Face> out = Detections.weightedNms(List.of(b, c, a), 0.3);
        assertThat(out).hasSize(2);
        Face merged = out.get(0);
        assertThat(merged.score()).isEqualTo(0.9);
        assertThat(merged.box().x()).isCloseTo(0.6 * 2 / 1.5, within(1e-12));
        assertThat(merged.keypoints().get(0).x()).isCloseTo(10 * 0.6 / 1.5, within(1e-12));
        assertThat(out.get(1)).isEqualTo(c);
        assertThat(Detections.largest(List.of(c, merged))).isEqualTo(merged);
    }

    @Test
    void theSubjectIsTheMostCentralOfTheLargestFaces() {
        // a 640x480 frame: a bystander at the left edge a little larger than the centred user
        Face edge = new Face(new Box(0, 140, 204, 204), 0.65, List.of());
        Face user = new Face(new Box(270, 118, 193, 193), 0.95, List.of());
        Face small = new Face(new Box(300, 200, 60, 60), 0.9, List.of());
        assertThat(Detections.largest(List.of(user, edge, small))).isEqualTo(edge);
        assertThat(Detections.subject(List.of(edge, small, user), 640, 480)).isEqualTo(user);
        // a face clearly larger than the others is the subject wherever it is
        Face near = new Face(new Box(0, 100, 260, 260), 0.9, List.of());
        assertThat(Detections.subject(List.of(user, near, small), 640, 480)).isEqualTo(near);
        // the smaller central face competes only from SUBJECT_AREA_SHARE of the largest area on
        double side = Math.sqrt(Detections.SUBJECT_AREA_SHARE) * 260;
        Face justIn = new Face(Box.centred(320, 240, side + 0.01, side + 0.01), 0.9, List.of());
        Face justOut = new Face(Box.centred(320, 240, side - 0.01, side - 0.01), 0.9, List.of());
        assertThat(Detections.subject(List.of(near, justIn), 640, 480)).isEqualTo(justIn);
        assertThat(Detections.subject(List.of(near, justOut), 640, 480)).isEqualTo(near);
        assertThat(Detections.subject(List.of(), 640, 480)).isNull();
        assertThat(Detections.subject(List.of(small), 640, 480)).isEqualTo(small);
    }
}
