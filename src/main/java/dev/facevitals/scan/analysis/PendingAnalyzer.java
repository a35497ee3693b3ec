package dev.facevitals.scan.analysis;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/**
 * Placeholder while the JavaCV decode + face tracking + vitals pipeline is being merged: fails every scan
 * with code 99 so nothing pretends to measure. Replaced by the real analyzer in the next commits.
 */
@DefaultBean
@ApplicationScoped
public class PendingAnalyzer implements VideoAnalyzer {

    @Override
    public AnalysisOutcome analyze(Path file, Progress progress) {
        return AnalysisOutcome.failed(null, ScanFailure.unexpected());
    }
}
