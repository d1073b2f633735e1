package io.cloudward.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A score trend as an inline SVG line, computed on the server (no chart library, nothing for the CSP to allow):
 * x is the day within the window, y the score 0–100. Days without a snapshot are skipped, not drawn as zero.
 *
 * @param points the polyline's points ("x,y x,y …"); empty without snapshots
 * @param last   the newest point, for its marker; null without snapshots
 */
public record TrendChart(int width, int height, String points, Point last, LocalDate from, LocalDate to, int days,
                         int snapshots, String summary) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 160;
    private static final int PAD = 8;

    public record Point(double x, double y, int score) {
        String svg() {
            return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
        }
    }

    public record Day(LocalDate day, int score) {
    }

    /** @param scores snapshots of the window, oldest first */
    public static TrendChart of(List<Day> scores, LocalDate to, int days) {
        LocalDate from = to.minusDays(days - 1L);
        List<Point> points = scores.stream().filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to))
                .map(d -> new Point(x(ChronoUnit.DAYS.between(from, d.day()), days), y(d.score()), d.score())).toList();
        String summary = points.isEmpty() ? "No score history yet."
                : "Score from " + points.getFirst().score() + " to " + points.getLast().score() + " over " + points.size()
                + (points.size() == 1 ? " day" : " days") + ".";
        return new TrendChart(WIDTH, HEIGHT, points.stream().map(Point::svg).collect(Collectors.joining(" ")),
                points.isEmpty() ? null : points.getLast(), from, to, days, points.size(), summary);
    }

    public record GridLine(int score, String y) {
    }

    /** Horizontal lines at 0, 50 and 100 with their labels. */
    public List<GridLine> grid() {
        return List.of(100, 50, 0).stream().map(s -> new GridLine(s, String.format(Locale.ROOT, "%.1f", y(s)))).toList();
    }

    public String lastX() {
        return last == null ? "" : String.format(Locale.ROOT, "%.1f", last.x());
    }

    public String lastY() {
        return last == null ? "" : String.format(Locale.ROOT, "%.1f", last.y());
    }

    private static double x(long dayIndex, int days) {
        return PAD + (WIDTH - 2.0 * PAD) * (days <= 1 ? 1 : (double) dayIndex / (days - 1));
    }

    private static double y(int score) {
        return PAD + (HEIGHT - 2.0 * PAD) * (100 - Math.max(0, Math.min(100, score))) / 100.0;
    }
}
