package org.dnsseismograph.ui.sources;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dnsseismograph.analysis.ClockOffsetSetting;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadSnapshot;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.ui.common.TaskRunner;
import org.dnsseismograph.wire.IpAddress;

/**
 * One source of the window — a capture or an export — as the sources panel, the status bar and the
 * side panel see it: its file and kind, its state, its series as read (before any clock offset),
 * its clock setting, the figures of its load and, for captures, its transactions.
 *
 * <p>Properties are changed by {@link SourcesViewModel} on the FX thread only. The one exception is
 * {@link #offer}, which a loading thread calls with each snapshot it publishes; the frame timer
 * takes the newest one up ({@link #takeOffered}).
 */
public final class Source {
  private final int id;
  private final List<Path> files;
  private final SourceKind kind;
  private final String name;
  private final ReadOnlyObjectWrapper<SourceState> state = new ReadOnlyObjectWrapper<>(SourceState.LOADING);
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<SeriesSet> series;
  private final ReadOnlyObjectWrapper<ClockOffsetSetting> setting;
  private final ReadOnlyObjectWrapper<LoadFigures> figures = new ReadOnlyObjectWrapper<>(LoadFigures.NONE);
  private final ReadOnlyObjectWrapper<TransactionSnapshot> transactions = new ReadOnlyObjectWrapper<>();
  private List<IpAddress> resolvers = List.of();
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper coarseness = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper estimating = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper piecesOverlap = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper estimateNote = new ReadOnlyStringWrapper("");
  private final AtomicReference<LoadSnapshot> offered = new AtomicReference<>();
  private String contentHash = "";
  private HealthReport health;
  private List<String> failureDetail = List.of();
  private TaskRunner.Job job;

  Source(int id, List<Path> files, SourceKind kind, String name, long correctionNanos, ZoneId zone) {
    this.id = id;
    this.files = List.copyOf(files);
    this.kind = kind;
    this.name = name;
    this.series = new ReadOnlyObjectWrapper<>(new SeriesSet(name, java.util.Map.of()));
    this.setting = new ReadOnlyObjectWrapper<>(ClockOffsetSetting.of(name, zone).withManualOffset(correctionNanos));
  }

  /** A number unique in this window, for ids of nodes. */
  public int id() {
    return id;
  }

  /** The file, or the first file of a capture rotated into several. */
  public Path path() {
    return files.get(0);
  }

  /** The source's files: one, or the pieces of a rotated capture in time order. */
  public List<Path> files() {
    return files;
  }

  public SourceKind kind() {
    return kind;
  }

  /** The short name legends and lane titles use: the file's name. */
  public String name() {
    return name;
  }

  public ReadOnlyObjectProperty<SourceState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public SourceState state() {
    return state.get();
  }

  /** Why the load failed, in one line; empty unless FAILED. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** The series as read, before the clock correction (empty while nothing is read). */
  public ReadOnlyObjectProperty<SeriesSet> seriesProperty() {
    return series.getReadOnlyProperty();
  }

  /** The series as the timeline shows them: shifted by the applied correction. */
  public SeriesSet shiftedSeries() {
    return setting.get().apply(series.get());
  }

  public ReadOnlyObjectProperty<ClockOffsetSetting> settingProperty() {
    return setting.getReadOnlyProperty();
  }

  public ClockOffsetSetting setting() {
    return setting.get();
  }

  public ReadOnlyObjectProperty<LoadFigures> figuresProperty() {
    return figures.getReadOnlyProperty();
  }

  /** A capture's transactions so far (for the side panel's tops), or null. */
  public ReadOnlyObjectProperty<TransactionSnapshot> transactionsProperty() {
    return transactions.getReadOnlyProperty();
  }

  /**
   * A capture's resolvers as its load knows them so far (found or given), by which the side panel
   * tells the clients' side from the upstream side; empty for none or for another kind of source.
   */
  public List<IpAddress> resolvers() {
    return resolvers;
  }

  /** What the content showed: "pcap capture, 78,547 frames", "Unbound statistics, 128 series, 1s steps". */
  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  /** Something to know about the data (a changed file, a partial import); empty when none. */
  public ReadOnlyStringProperty warningProperty() {
    return warning.getReadOnlyProperty();
  }

  /** Set while the source is too coarse for features the width being looked at; empty otherwise. */
  public ReadOnlyStringProperty coarsenessProperty() {
    return coarseness.getReadOnlyProperty();
  }

  /** True while an offset estimate runs for this source. */
  public ReadOnlyBooleanProperty estimatingProperty() {
    return estimating.getReadOnlyProperty();
  }

  /**
   * The last estimate in words: the offset with its uncertainty, quality and what was compared, or
   * why none was found; empty before any.
   */
  public ReadOnlyStringProperty estimateNoteProperty() {
    return estimateNote.getReadOnlyProperty();
  }

  /** The SHA-256 of the file as loaded ({@code sha256:…}), empty before. */
  public String contentHash() {
    return contentHash;
  }

  /** A loading thread hands its newest snapshot over; only the newest is kept. Any thread. */
  void offer(LoadSnapshot s) {
    offered.set(s);
  }

  LoadSnapshot takeOffered() {
    return offered.getAndSet(null);
  }

  void setState(SourceState next) {
    state.set(state.get().transition(next));
  }

  void setFailure(String reason) {
    failure.set(reason);
  }

  void setSeries(SeriesSet s) {
    series.set(s);
  }

  void setSetting(ClockOffsetSetting s) {
    setting.set(s);
  }

  void setFigures(LoadFigures f) {
    figures.set(f);
  }

  /** The capture's transactions and the resolvers they are told apart by, as of one snapshot. */
  void setTraffic(TransactionSnapshot t, List<ResolverRole> roles) {
    resolvers = roles.stream().map(ResolverRole::address).toList();
    transactions.set(t);
  }

  void setDescription(String d) {
    description.set(d);
  }

  void setWarning(String w) {
    warning.set(w);
  }

  /** True when the files of a source read as one rotated capture overlap in time (captures of different places?). */
  public ReadOnlyBooleanProperty piecesOverlapProperty() {
    return piecesOverlap.getReadOnlyProperty();
  }

  void setPiecesOverlap(boolean on) {
    piecesOverlap.set(on);
  }

  void setCoarseness(String c) {
    coarseness.set(c);
  }

  void setEstimating(boolean on) {
    estimating.set(on);
  }

  void setEstimateNote(String n) {
    estimateNote.set(n);
  }

  void setContentHash(String h) {
    contentHash = h;
  }

  /**
   * What the detectors found while the capture loaded (its outages and spikes, as {@code seismograph
   * detect} reports them), or null before a load of traffic completed.
   */
  public HealthReport health() {
    return health;
  }

  void setHealth(HealthReport h) {
    health = h;
  }

  /**
   * More about a failure than its one line: for a text file that is no known export, each format
   * tried and why it did not fit. Empty when there is nothing more to say.
   */
  public List<String> failureDetail() {
    return failureDetail;
  }

  void setFailureDetail(List<String> lines) {
    failureDetail = List.copyOf(lines);
  }

  TaskRunner.Job job() {
    return job;
  }

  void setJob(TaskRunner.Job j) {
    job = j;
  }

  @Override
  public String toString() {
    return name + " (" + kind.text() + ", " + state.get() + ")";
  }
}
