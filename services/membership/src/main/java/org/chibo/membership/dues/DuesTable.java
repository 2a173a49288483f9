package org.chibo.membership.dues;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dues table by category, from {@code chibo.membership.dues.rates} (amounts marked "to confirm" in domain.md, so
 * they are configuration, not code). Defaults: 1% of salary, 0.5% of pension, a fixed amount without salary.
 */
@ConfigurationProperties("chibo.membership.dues")
public record DuesTable(Map<String, DuesRate> rates) {

    public DuesTable {
        rates = rates == null || rates.isEmpty() ? Map.of(
                "SALARIED", new DuesRate(new BigDecimal("0.01"), null),
                "PENSIONER", new DuesRate(new BigDecimal("0.005"), null),
                "NO_SALARY", new DuesRate(null, 5_000L)) : Map.copyOf(rates);
    }
}
