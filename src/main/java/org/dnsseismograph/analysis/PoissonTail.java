package org.dnsseismograph.analysis;

/**
 * Upper quantiles of the Poisson distribution: the count a bucket of a steady event stream reaches
 * by chance only with probability {@code alpha}. Exact summation of the probabilities (in log
 * space, so nothing underflows) up to a mean of {@value #EXACT_UP_TO}, the normal approximation
 * with a skewness correction (Cornish–Fisher) beyond. Stateless.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Poisson_distribution">Poisson distribution</a>
 */
final class PoissonTail {
  static final double EXACT_UP_TO = 5000;
  private static final double[] LOG_FACTORIAL = new double[256];

  static {
    for (int i = 1; i < LOG_FACTORIAL.length; i++) {
      LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
    }
  }

  private PoissonTail() {}

  /**
   * The smallest count {@code k} with {@code P(X >= k) <= alpha} for {@code X ~ Poisson(mean)}.
   *
   * @param z the standard normal quantile of {@code 1 - alpha}, used beyond the exact range
   */
  static double quantile(double mean, double alpha, double z) {
    if (mean <= 0) {
      return 1;
    }
    if (mean > EXACT_UP_TO) {
      return Math.ceil(mean + z * Math.sqrt(mean) + (z * z - 1) / 6 + 0.5);
    }
    long top = (long) Math.ceil(mean + 14 * Math.sqrt(mean) + 30);
    double logMean = Math.log(mean);
    double logP = top * logMean - mean - logFactorial(top);
    double tail = 0;
    for (long k = top; k > 0; k--) {
      tail += Math.exp(logP);
      if (tail > alpha) {
        return k + 1;
      }
      logP += Math.log(k) - logMean;
    }
    return 1;
  }

  /** ln(n!), exact below 256, Stirling's series above (error under 1e-10). */
  static double logFactorial(long n) {
    if (n < LOG_FACTORIAL.length) {
      return LOG_FACTORIAL[(int) n];
    }
    double x = n;
    return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
  }
}
