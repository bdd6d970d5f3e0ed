package org.sitrep.pipeline;

import java.util.List;
import org.sitrep.model.Claim;
import org.sitrep.model.Report;

/** Stage 4: attributed statements (who said what, who denies it) in one report. Thread-safe. */
public interface ClaimExtractor {
    List<Claim> claims(Report report, Extraction extraction);

    ClaimExtractor NONE = (report, extraction) -> List.of();
}
