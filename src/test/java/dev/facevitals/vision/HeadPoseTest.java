package dev.facevitals.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeadPoseTest {

    /** The synthetic (flat) mesh rotated in 3-D about its centre: yaw (about y), then pitch (about x), then roll. */
    private static FaceMesh rotated(double yawDeg, double pitchDeg, double rollDeg) {
        return rotated(SyntheticFaces.mesh(0, 0, 100, 1), yawDeg, pitchDeg, rollDeg);
    }

    /** A frontal head: the flat mesh leaning by the canonical tilt, as real meshes do. */
    private static FaceMesh head(double yawDeg, double pitchDeg, double rollDeg) {
        FaceMesh frontal = rotated(SyntheticFaces.mesh(0, 0, 100, 1), 0, HeadPose.NEUTRAL_PITCH_DEG, 0);
        FaceMesh centred = frontal.translate(-300, -200);
        return rotated(centred, yawDeg, pitchDeg, rollDeg);
    }

    private static FaceMesh rotated(FaceMesh m, double yawDeg, double pitchDeg, double rollDeg) {
        float[] xs = m.xs().clone();
        float[] ys = m.ys().clone();
        float[] zs = m.zs().clone();
        double a = Math.toRadians(yawDeg);
        double p = Math.toRadians(pitchDeg);
        double r = Math.toRadians(rollDeg);
        for (int i = 0; i < FaceMesh.POINTS; i++) {
            double x = xs[i];
            double y = ys[i];
            double z = zs[i];
            // turn towards the image's right: forward (0, 0, -1) -> (sin a, 0, -cos a)
            double x1 = x * Math.cos(a) - z * Math.sin(a);
            double z1 = x * Math.sin(a) + z * Math.cos(a);
            // chin up: forward -> (.., -sin p, -cos p)
            double y2 = y * Math.cos(p) + z1 * Math.sin(p);
            double z2 = -y * Math.sin(p) + z1 * Math.cos(p);
            // clockwise on screen
            double x3 = x1 * Math.cos(r) - y2 * Math.sin(r);
            double y3 = x1 * Math.sin(r) + y2 * Math.cos(r);
            xs[i] = (float) (x3 + 300);
            ys[i] = (float) (y3 + 200);
            zs[i] = (float) z2;
        }
        return new FaceMesh(xs, ys, zs, 1);
    }

    @Test
    void readsEachAxisAlone() {
        // the flat synthetic face reads the canonical tilt as its pitch
        double neutral = -HeadPose.NEUTRAL_PITCH_DEG;
        HeadPose flat = HeadPose.from(rotated(0, 0, 0));
        assertThat(flat.yaw()).isCloseTo(0, within(1e-4));
        assertThat(flat.pitch()).isCloseTo(neutral, within(1e-4));
        assertThat(flat.roll()).isCloseTo(0, within(1e-4));

        HeadPose yaw = HeadPose.from(head(30, 0, 0));
        assertThat(yaw.yaw()).isCloseTo(30, within(1e-3));
        assertThat(yaw.pitch()).isCloseTo(0, within(1e-3));

        HeadPose pitch = HeadPose.from(head(0, 25, 0));
        assertThat(pitch.pitch()).isCloseTo(25, within(1e-3));
        assertThat(pitch.yaw()).isCloseTo(0, within(1e-3));

        HeadPose roll = HeadPose.from(head(0, 0, -15));
        assertThat(roll.roll()).isCloseTo(-15, within(1e-3));
        assertThat(roll.yaw()).isCloseTo(0, within(1e-3));
    }

    @Test
    void combinedTurnsComeApartExactly() {
        HeadPose front = HeadPose.from(head(0, 0, 0));
        assertThat(front.pitch()).isCloseTo(0, within(1e-3));
        assertThat(front.yaw()).isCloseTo(0, within(1e-3));
        HeadPose p = HeadPose.from(head(-20, 10, 12));
        assertThat(p.yaw()).isCloseTo(-20, within(1e-3));
        assertThat(p.pitch()).isCloseTo(10, within(1e-3));
        assertThat(p.roll()).isCloseTo(12, within(1e-3));
        HeadPose q = HeadPose.from(head(35, -25, -40));
        assertThat(q.yaw()).isCloseTo(35, within(1e-3));
        assertThat(q.pitch()).isCloseTo(-25, within(1e-3));
        assertThat(q.roll()).isCloseTo(-40, within(1e-3));
    }
}
