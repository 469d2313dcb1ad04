package io.github.authspec.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Access windows: days, midnight, and every daylight-saving transition of 2000-2040. */
class AccessWindowTest {
  private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

  private static Instant at(String local, ZoneId zone) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  @DisplayName("days and ranges parse in any case; a span crossing midnight belongs to the day"
      + " it starts on; no columns is no window")
  void daysAndMidnight() {
    assertThat(AccessWindow.days("mon-wed, Saturday")).containsExactly(DayOfWeek.MONDAY,
        DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY);
    assertThat(AccessWindow.days("FRI-MON")).containsExactlyInAnyOrder(DayOfWeek.FRIDAY,
        DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThatThrownBy(() -> AccessWindow.days("MO")).hasMessageContaining("not a day");
    assertThatThrownBy(() -> AccessWindow.of(null, null, null, "Nowhere/City"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AccessWindow.of(null, null, " ", "UTC")).isNull();
    // Friday 22:00 to 06:00: Friday night and the Saturday morning after it, not Friday morning
    AccessWindow night = AccessWindow.of(LocalTime.of(22, 0), LocalTime.of(6, 0), "FRI", null);
    assertThat(night.admits(Instant.parse("2026-12-04T23:00:00Z"))).isTrue();
    assertThat(night.admits(Instant.parse("2026-12-05T05:59:59Z"))).isTrue();
    assertThat(night.admits(Instant.parse("2026-12-05T06:00:00Z"))).isFalse();
    assertThat(night.admits(Instant.parse("2026-12-04T05:00:00Z"))).isFalse();
    assertThat(night.admits(Instant.parse("2026-12-05T23:00:00Z"))).isFalse();
    AccessWindow from = AccessWindow.of(LocalTime.of(9, 0), null, null, "Europe/Zurich");
    assertThat(from.admits(at("2026-12-01T23:59:59", ZURICH))).isTrue();
    assertThat(from.admits(at("2026-12-02T08:59:59", ZURICH))).isFalse();
    assertThat(new AccessWindow(LocalTime.NOON, LocalTime.NOON, null, null).length())
        .isEqualTo(Duration.ofDays(1));
  }

  @Test
  @DisplayName("Zurich: a span inside the spring gap is never open; one across it is an hour"
      + " shorter; wall times of the autumn overlap are inside both times")
  void zurich() {
    AccessWindow gap = AccessWindow.of(LocalTime.of(2, 15), LocalTime.of(2, 45), null,
        "Europe/Zurich");
    Instant springChange = Instant.parse("2026-03-29T01:00:00Z");
    for (Instant t = springChange.minus(Duration.ofHours(3)); t.isBefore(springChange
        .plus(Duration.ofHours(3))); t = t.plusSeconds(60)) {
      assertThat(gap.admits(t)).as("%s", t).isFalse();
    }
    AccessWindow across = AccessWindow.of(LocalTime.of(1, 30), LocalTime.of(3, 30), null,
        "Europe/Zurich");
    assertThat(openAround(across, springChange)).isEqualTo(Duration.ofHours(1));
    AccessWindow overlap = AccessWindow.of(LocalTime.of(2, 15), LocalTime.of(2, 45), null,
        "Europe/Zurich");
    Instant autumnChange = Instant.parse("2026-10-25T01:00:00Z");
    assertThat(overlap.admits(Instant.parse("2026-10-25T00:20:00Z"))).isTrue();
    assertThat(overlap.admits(Instant.parse("2026-10-25T01:20:00Z"))).isTrue();
    assertThat(openAround(overlap, autumnChange)).isEqualTo(Duration.ofHours(1));
  }

  /**
   * Every transition of every zone of the JDK's data from 2000 to 2040, with the window
   * {@code [earlier wall time - 30 min, later wall time + 30 min)} spanning it: the last
   * instant before it and the transition itself are inside, and the window is open, in real
   * time, for its wall length minus the change of offset (shorter over a gap, longer over an
   * overlap). Transitions of a day or more (a skipped date) are checked for the two instants.
   */
  @Test
  @DisplayName("every daylight-saving transition 2000-2040 of every zone: a spanning window is"
      + " open before and at it, for its wall length minus the offset change")
  void everyTransition() {
    Instant from = Instant.parse("2000-01-01T00:00:00Z");
    Instant to = Instant.parse("2041-01-01T00:00:00Z");
    int transitions = 0;
    int long_ = 0;
    TreeSet<String> zones = new TreeSet<>(ZoneId.getAvailableZoneIds());
    for (String id : zones) {
      ZoneId zone = ZoneId.of(id);
      ZoneRules rules = zone.getRules();
      for (ZoneOffsetTransition tr = rules.nextTransition(from); tr != null
          && tr.getInstant().isBefore(to); tr = rules.nextTransition(tr.getInstant())) {
        transitions++;
        LocalDateTime before = tr.getDateTimeBefore();
        LocalDateTime after = tr.getDateTimeAfter();
        LocalDateTime early = before.isBefore(after) ? before : after;
        LocalDateTime late = before.isBefore(after) ? after : before;
        AccessWindow w = new AccessWindow(early.toLocalTime().minusMinutes(30),
            late.toLocalTime().plusMinutes(30), null, zone);
        String what = id + " " + tr;
        assertThat(w.admits(tr.getInstant().minusSeconds(1))).as(what).isTrue();
        assertThat(w.admits(tr.getInstant())).as(what).isTrue();
        Duration change = tr.getDuration();
        if (Duration.between(early, late).compareTo(Duration.ofHours(20)) >= 0) {
          long_++;
          continue;
        }
        assertThat(openAround(w, tr.getInstant())).as(what)
            .isEqualTo(w.length().minus(change));
      }
    }
    System.out.printf("access windows: %d transitions in %d zones, 2000-2040; %d of a day or"
        + " more checked at the transition only%n", transitions, zones.size(), long_);
    assertThat(transitions).isGreaterThan(10_000);
  }

  /** How long the window is open within 12 hours either side, in one-minute steps. */
  private static Duration openAround(AccessWindow w, Instant center) {
    long minutes = 0;
    for (Instant t = center.minus(Duration.ofHours(12)); t.isBefore(center
        .plus(Duration.ofHours(12))); t = t.plusSeconds(60)) {
      if (w.admits(t)) {
        minutes++;
      }
    }
    return Duration.ofMinutes(minutes);
  }

  @Test
  @DisplayName("a day-restricted window: Tuesdays only, in the zone's calendar, not UTC's")
  void zoneCalendar() {
    AccessWindow tuesday = new AccessWindow(LocalTime.of(0, 0), LocalTime.of(1, 0),
        EnumSet.of(DayOfWeek.TUESDAY), ZoneId.of("Pacific/Auckland"));
    // 2026-12-01 00:30 in Auckland (UTC+13) is Monday 11:30 UTC
    assertThat(tuesday.admits(Instant.parse("2026-11-30T11:30:00Z"))).isTrue();
    assertThat(tuesday.admits(Instant.parse("2026-12-01T11:30:00Z"))).isFalse();
  }
}
