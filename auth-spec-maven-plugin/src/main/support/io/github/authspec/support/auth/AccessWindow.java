package io.github.authspec.support.auth;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * When an assignment may be used: a daily span of local wall time on allowed days, in a time
 * zone. The window is a set of local wall times, and an instant is inside when its local date
 * and time in the zone is in that set:
 *
 * <ul>
 *   <li>each allowed day {@code D} contributes {@code [D start, D start + length)}; the length
 *       is {@code end - start} when {@code end} is after {@code start}, otherwise the span
 *       crosses midnight and ends at {@code end} the next day ({@code start == end} is a whole
 *       day), so a span crossing midnight belongs to the day it starts on;
 *   <li>a missing start is midnight, a missing end is the next midnight, missing days are every
 *       day, a missing zone is UTC;
 *   <li>daylight saving: wall times in a gap never occur, so the window is shorter that day in
 *       real time (a span inside the gap is not open at all); wall times in an overlap occur
 *       twice, and both occurrences are inside, so the window is longer; in real time a span
 *       across a transition is open for its wall length minus the change of offset.
 * </ul>
 *
 * <p>The instant is always the server's clock; no client-supplied time reaches this class.
 *
 * @param start the local start time (inclusive)
 * @param end the local end time (exclusive)
 * @param days the allowed days the span starts on
 * @param zone the zone of the wall times
 */
public record AccessWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {
  private static final Duration DAY = Duration.ofDays(1);

  /** Checks the parts; nulls take the defaults above. */
  public AccessWindow {
    start = start == null ? LocalTime.MIDNIGHT : start;
    days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    days = Collections.unmodifiableSet(days);
    zone = zone == null ? ZoneOffset.UTC : zone;
  }

  /**
   * The window of an assignment's columns, or null when it has none (every column null).
   *
   * @param start the start time column
   * @param end the end time column
   * @param days the allowed days column: day names or three-letter abbreviations and ranges,
   *     comma-separated ({@code MON-FRI,SUN}), any case
   * @param zone the zone id column ({@code Europe/Zurich})
   * @return the window, or null
   * @throws IllegalArgumentException for days or a zone that do not parse, even without a
   *     window
   */
  public static AccessWindow of(LocalTime start, LocalTime end, String days, String zone) {
    boolean noDays = days == null || days.isBlank();
    ZoneId id;
    try {
      id = zone == null || zone.isBlank() ? null : ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a time zone id: " + zone, e);
    }
    Set<DayOfWeek> allowed = noDays ? null : days(days);
    return start == null && end == null && noDays ? null
        : new AccessWindow(start, end, allowed, id);
  }

  /** The span's length in wall time: up to a whole day. */
  public Duration length() {
    if (end == null) {
      return Duration.between(start, LocalTime.MAX).plusNanos(1);
    }
    Duration d = Duration.between(start, end);
    return d.isNegative() || d.isZero() ? d.plus(DAY) : d;
  }

  /**
   * Whether {@code now} is inside: its wall time in the zone is in a span of an allowed day.
   *
   * @param now the server's instant
   * @return whether the window admits it
   */
  public boolean admits(Instant now) {
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    Duration length = length();
    for (LocalDate day : new LocalDate[] {local.toLocalDate(), local.toLocalDate().minusDays(1)}) {
      if (days.contains(day.getDayOfWeek())) {
        LocalDateTime from = day.atTime(start);
        if (!local.isBefore(from) && local.isBefore(from.plus(length))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The first instant after {@code now} at which {@link #admits} may change: where the wall
   * time next reaches a span's start or end (at either offset of an overlap), the zone's next
   * transition, or at the latest the start of the local day after tomorrow.
   *
   * @param now the server's instant
   * @return a later instant
   */
  public Instant next(Instant now) {
    LocalDate today = LocalDateTime.ofInstant(now, zone).toLocalDate();
    Instant out = today.plusDays(2).atStartOfDay(zone).toInstant();
    java.time.zone.ZoneOffsetTransition t = zone.getRules().nextTransition(now);
    if (t != null && t.getInstant().isBefore(out)) {
      out = t.getInstant();
    }
    for (int d = -1; d <= 2; d++) {
      LocalDateTime from = today.plusDays(d).atTime(start);
      for (LocalDateTime edge : new LocalDateTime[] {from, from.plus(length())}) {
        for (Instant at : new Instant[] {edge.atZone(zone).toInstant(),
            edge.atZone(zone).withLaterOffsetAtOverlap().toInstant()}) {
          if (at.isAfter(now) && at.isBefore(out)) {
            out = at;
          }
        }
      }
    }
    return out;
  }

  /**
   * The days of a days column.
   *
   * @param text day names, abbreviations and ranges, comma-separated
   * @return the days
   * @throws IllegalArgumentException for a token that is not a day or a range of days
   */
  public static Set<DayOfWeek> days(String text) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String token : text.split(",")) {
      String t = token.strip().toUpperCase(Locale.ROOT);
      int dash = t.indexOf('-');
      if (dash < 0) {
        out.add(day(t));
        continue;
      }
      DayOfWeek from = day(t.substring(0, dash).strip());
      DayOfWeek to = day(t.substring(dash + 1).strip());
      for (DayOfWeek d = from; ; d = d.plus(1)) {
        out.add(d);
        if (d == to) {
          break;
        }
      }
    }
    return out;
  }

  private static DayOfWeek day(String token) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (token.length() >= 3 && d.name().startsWith(token)) {
        return d;
      }
    }
    throw new IllegalArgumentException("not a day of the week: " + token);
  }

  @Override
  public String toString() {
    return "AccessWindow[" + start + "+" + length() + " " + days + " " + zone + "]";
  }
}
