package org.dnsseismograph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md's package table as executable rules: data flows one way, and only the edges talk to people. */
class ArchitectureTest {
  private static final String ROOT = "org.dnsseismograph";
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  private static String pkg(String name) {
    return ROOT + "." + name + "..";
  }

  private static ArchRule packageMayOnlyUse(String name, String... allowed) {
    String[] all = new String[allowed.length + 3];
    all[0] = pkg(name);
    all[1] = pkg("common");
    all[2] = "java..";
    System.arraycopy(allowed, 0, all, 3, allowed.length);
    return classes().that().resideInAPackage(pkg(name)).should().onlyDependOnClassesThat().resideInAnyPackage(all)
        .allowEmptyShould(true);
  }

  @Test
  void commonDependsOnNothing() {
    packageMayOnlyUse("common").because("progress and cancellation are shared by every layer").check(classes);
  }

  @Test
  void wireUsesOnlyTheJdk() {
    packageMayOnlyUse("wire").because("reading captures must not need libpcap or any library").check(classes);
  }

  @Test
  void dnsUsesWireAndDnsjava() {
    packageMayOnlyUse("dns", pkg("wire"), "org.xbill.DNS..").because("DESIGN.md: dns may use wire and dnsjava").check(classes);
  }

  @Test
  void captureUsesWireDnsAndPcap4j() {
    packageMayOnlyUse("capture", pkg("wire"), pkg("dns"), pkg("traffic"), pkg("series"), "org.pcap4j..", "com.sun.jna..", "com.google.protobuf..")
        .because("DESIGN.md: live sources stand on wire and dns, with pcap4j and the dnstap protobuf schema; they publish series snapshots")
        .check(classes);
  }

  @Test
  void trafficUsesDns() {
    packageMayOnlyUse("traffic", pkg("dns"), pkg("wire")).because("DESIGN.md: traffic may use dns").check(classes);
  }

  @Test
  void seriesUsesOnlyTheJdk() {
    packageMayOnlyUse("series").because("time series are the shared model of every view and must stay pure").check(classes);
  }

  @Test
  void analysisUsesTrafficAndSeries() {
    packageMayOnlyUse("analysis", pkg("traffic"), pkg("dns"), pkg("wire"), pkg("series"))
        .because("DESIGN.md: analysis turns transactions into series").check(classes);
  }

  @Test
  void importsUseSeriesAndJackson() {
    packageMayOnlyUse("imports", pkg("series"), "com.fasterxml.jackson..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..")
        .because("DESIGN.md: imports may use series and Jackson").check(classes);
  }

  @Test
  void workspaceUsesSeriesAndJackson() {
    packageMayOnlyUse("workspace", pkg("series"), "com.fasterxml.jackson..").because("DESIGN.md: workspace may use series and Jackson").check(classes);
  }

  @Test
  void renderUsesSeriesAndWorkspace() {
    packageMayOnlyUse("render", pkg("series"), pkg("workspace"), "org.jfree.svg..", "javax.imageio..")
        .because("DESIGN.md: render draws series and annotations through a painter; no JavaFX").check(classes);
  }

  @Test
  void nothingBelowUiImportsJavaFx() {
    noClasses().that().resideOutsideOfPackage(pkg("ui")).and().doNotHaveFullyQualifiedName(ROOT + ".Main")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx..", "com.sun.glass..")
        .because("DESIGN.md: nothing below ui imports JavaFX, so the CLI and tests run without a display")
        .check(classes);
  }

  @Test
  void cliNeverUsesUi() {
    noClasses().that().resideInAPackage(pkg("cli")).should().dependOnClassesThat().resideInAPackage(pkg("ui"))
        .allowEmptyShould(true)
        .because("the command line gets a GUI-launch callback from Main instead").check(classes);
  }

  @Test
  void onlyTheCommandLinePrints() {
    noClasses().that().resideOutsideOfPackage(pkg("cli"))
        .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
        .orShould().callMethod(Throwable.class, "printStackTrace")
        .because("diagnostics are data (Skipped counts, results); only cli talks to a terminal").check(classes);
  }

  @Test
  void onlyCaptureTouchesJavaSql() {
    noClasses().that().resideOutsideOfPackage(pkg("capture")).should().dependOnClassesThat().resideInAPackage("java.sql..")
        .because("pcap4j's java.sql.Timestamp is converted to epoch ns at the capture boundary").check(classes);
  }
}
