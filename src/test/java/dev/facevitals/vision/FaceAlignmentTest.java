package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceAlignmentTest {

    private static Point[] template() {
        Point[] p = new Point[5];
        for (int i = 0; i < 5; i++) {
            p[i] = new Point(FaceAlignment.TEMPLATE_112[i][0], FaceAlignment.TEMPLATE_112[i][1]);
        }
        return p;
    }

    @Test
    void recoversAKnownSimilarityExactly() {
        double angle = Math.toRadians(30);
        double s = 2.5;
        Affine known = new Affine(s * Math.cos(angle), -s * Math.sin(angle), 40, s * Math.sin(angle),
                s * Math.cos(angle), -17);
        Point[] src = template();
        Point[] dst = new Point[5];
        for (int i = 0; i < 5; i++) {
            dst[i] = known.apply(src[i]);
        }
        Affine found = FaceAlignment.similarity(src, dst);
        assertThat(found.a()).isCloseTo(known.a(), within(1e-9));
        assertThat(found.b()).isCloseTo(known.b(), within(1e-9));
        assertThat(found.c()).isCloseTo(40, within(1e-9));
        assertThat(found.d()).isCloseTo(known.d(), within(1e-9));
        assertThat(found.e()).isCloseTo(known.e(), within(1e-9));
        assertThat(found.f()).isCloseTo(-17, within(1e-9));
    }

    @Test
    void aFaceAlreadyOnTheTemplateMapsByIdentity() {
        Affine a = FaceAlignment.toTemplate(template());
        assertThat(a.a()).isCloseTo(1, within(1e-12));
        assertThat(a.b()).isCloseTo(0, within(1e-12));
        assertThat(a.c()).isCloseTo(0, within(1e-9));
        assertThat(a.f()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aFaceTwiceAsLargeAndRolledIsScaledDownAndLevelled() {
        // the template scaled by 2 and turned 90 degrees clockwise on screen about the origin: (x, y) -> (-2y, 2x)
        Point[] t = template();
        Point[] face = new Point[5];
        for (int i = 0; i < 5; i++) {
            face[i] = new Point(-2 * t[i].y(), 2 * t[i].x());
        }
        Affine a = FaceAlignment.toTemplate(face);
        assertThat(a.scale()).isCloseTo(0.5, within(1e-9));
        for (int i = 0; i < 5; i++) {
            assertThat(a.apply(face[i]).distanceTo(t[i])).isLessThan(1e-9);
        }
    }

    @Test
    void noisyPointsGiveTheLeastSquaresFitWhoseResidualsSumToZero() {
        Random r = new Random(7);
        Point[] t = template();
        Point[] face = new Point[5];
        for (int i = 0; i < 5; i++) {
            face[i] = new Point(3 * t[i].x() + 100 + r.nextGaussian(), 3 * t[i].y() + 50 + r.nextGaussian());
        }
        Affine a = FaceAlignment.toTemplate(face);
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < 5; i++) {
            Point m = a.apply(face[i]);
            sx += m.x() - t[i].x();
            sy += m.y() - t[i].y();
        }
        // the translation of a least-squares fit matches the centroids
        assertThat(sx).isCloseTo(0, within(1e-9));
        assertThat(sy).isCloseTo(0, within(1e-9));
        assertThat(a.scale()).isCloseTo(1 / 3.0, within(0.02));
    }

    @Test
    void degenerateInputIsRefused() {
        Point p = new Point(1, 1);
        assertThatThrownBy(() -> FaceAlignment.similarity(new Point[] {p, p}, template().clone()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaceAlignment.similarity(new Point[] {p, p}, new Point[] {p, p}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
