package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.workspace.LaneSettings;
import org.dnsseismograph.workspace.LaneStyle;
import org.dnsseismograph.workspace.ValueAxis;

/**
 * The lanes of a timeline in display order, with what the analyst set for each: shown or hidden,
 * height, and (in the lane itself) how it draws and its value axis. Every change returns a new
 * plan, so a frame always draws one consistent plan. Immutable.
 */
public final class LanePlan {
  private final List<Lane> lanes;
  private final Map<String, LaneSettings> settings;

  private LanePlan(List<Lane> lanes, Map<String, LaneSettings> settings) {
    this.lanes = List.copyOf(lanes);
    this.settings = settings;
  }

  /**
   * Lanes in this order, all shown at their default heights.
   *
   * @throws IllegalArgumentException if two lanes share a key
   */
  public static LanePlan of(List<Lane> lanes) {
    Map<String, LaneSettings> s = new LinkedHashMap<>();
    for (Lane l : lanes) {
      if (s.put(l.key(), new LaneSettings(l.key(), true, l.defaultHeight())) != null) {
        throw new IllegalArgumentException("two lanes share the key " + l.key());
      }
    }
    return new LanePlan(lanes, s);
  }

  /** Every lane, hidden ones included, in display order. */
  public List<Lane> lanes() {
    return lanes;
  }

  /** The lanes shown, in display order. */
  public List<Lane> visibleLanes() {
    return lanes.stream().filter(l -> settings.get(l.key()).visible()).toList();
  }

  public Lane lane(String key) {
    for (Lane l : lanes) {
      if (l.key().equals(key)) {
        return l;
      }
    }
    throw new IllegalArgumentException("no lane " + key);
  }

  public boolean isVisible(String key) {
    return settingsOf(key).visible();
  }

  /** The height the analyst gave the lane (its default until resized), in logical pixels. */
  public double height(String key) {
    return settingsOf(key).height();
  }

  public LanePlan withVisible(String key, boolean visible) {
    LaneSettings s = settingsOf(key);
    return with(new LaneSettings(key, visible, s.height()));
  }

  /** The lane resized, never below its minimum height. */
  public LanePlan withHeight(String key, double height) {
    LaneSettings s = settingsOf(key);
    return with(new LaneSettings(key, s.visible(), Math.max(lane(key).minHeight(), height)));
  }

  /** The lane drawn another way. */
  public LanePlan withKind(String key, LaneKind kind) {
    List<Lane> l = new ArrayList<>(lanes);
    l.set(indexOf(key), lane(key).withKind(kind));
    return new LanePlan(l, settings);
  }

  /** The lane on another value axis. */
  public LanePlan withAxis(String key, ValueAxis axis) {
    List<Lane> l = new ArrayList<>(lanes);
    l.set(indexOf(key), lane(key).withAxis(axis));
    return new LanePlan(l, settings);
  }

  /** The lane moved to position {@code index} (clamped) among all lanes. */
  public LanePlan moved(String key, int index) {
    List<Lane> l = new ArrayList<>(lanes);
    Lane lane = l.remove(indexOf(key));
    l.add(Math.max(0, Math.min(l.size(), index)), lane);
    return new LanePlan(l, settings);
  }

  public int indexOf(String key) {
    for (int i = 0; i < lanes.size(); i++) {
      if (lanes.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no lane " + key);
  }

  /** The arrangement in display order, as a workspace saves it. */
  public List<LaneSettings> settings() {
    return lanes.stream().map(l -> {
      LaneSettings s = settings.get(l.key());
      return new LaneSettings(l.key(), s.visible(), s.height(), l.axis(), styleOf(l.kind()));
    }).toList();
  }

  /** The style a workspace saves for a lane of this kind: none for heat and annotation lanes. */
  private static LaneStyle styleOf(LaneKind kind) {
    return switch (kind) {
      case LINES -> LaneStyle.LINES;
      case STACKED -> LaneStyle.STACKED;
      case HEAT, ANNOTATIONS -> null;
    };
  }

  /** The lane as saved: on the saved axis, and drawn in the saved style when it draws lines or areas at all. */
  private static Lane asSaved(Lane lane, LaneSettings saved) {
    Lane l = saved.axis() == null ? lane : lane.withAxis(saved.axis());
    if (saved.style() != null && styleOf(l.kind()) != null) {
      l = l.withKind(saved.style() == LaneStyle.STACKED ? LaneKind.STACKED : LaneKind.LINES);
    }
    return l;
  }

  /**
   * This plan arranged as saved: the saved lanes first in their saved order, visibility, height,
   * value axis and style (a lane saved without them keeps its own); lanes the workspace did not
   * know (a new source, a new metric) after them as they were. Saved keys without a lane (a source
   * no longer loaded) are ignored.
   */
  public LanePlan arrangedAs(List<LaneSettings> saved) {
    List<Lane> ordered = new ArrayList<>();
    Map<String, LaneSettings> s = new LinkedHashMap<>(settings);
    for (LaneSettings ls : saved) {
      if (s.containsKey(ls.key()) && ordered.stream().noneMatch(l -> l.key().equals(ls.key()))) {
        Lane lane = asSaved(lane(ls.key()), ls);
        ordered.add(lane);
        s.put(ls.key(), new LaneSettings(ls.key(), ls.visible(), Math.max(lane.minHeight(), ls.height())));
      }
    }
    for (Lane l : lanes) {
      if (ordered.stream().noneMatch(o -> o.key().equals(l.key()))) {
        ordered.add(l);
      }
    }
    return new LanePlan(ordered, s);
  }

  private LanePlan with(LaneSettings s) {
    Map<String, LaneSettings> m = new LinkedHashMap<>(settings);
    m.put(s.key(), s);
    return new LanePlan(lanes, m);
  }

  private LaneSettings settingsOf(String key) {
    LaneSettings s = settings.get(key);
    if (s == null) {
      throw new IllegalArgumentException("no lane " + key);
    }
    return s;
  }
}
