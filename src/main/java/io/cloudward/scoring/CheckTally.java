package io.cloudward.scoring;

/**
 * The figure Security Hub users know: passed checks ÷ checks with data, every check equal, as a percentage
 * ({@code null} without data). See {@link CheckCoverage} for what "with data" means today.
 */
public record CheckTally(int passed, int withData, Double percent, String basis) {

    public static CheckTally of(int passed, int withData, String basis) {
        return new CheckTally(passed, withData, withData == 0 ? null : 100.0 * passed / withData, basis);
    }

    public CheckTally plus(CheckTally other) {
        return of(passed + other.passed, withData + other.withData, basis);
    }
}
