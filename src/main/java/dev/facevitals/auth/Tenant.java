package dev.facevitals.auth;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer. Every scan, key and enrollment belongs to exactly one. */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Scans the contract allows per {@link #limitPeriod}; null = unlimited. */
    @Column(name = "scan_limit")
    public Integer scanLimit;

    /** {@code month} (calendar month, UTC) or {@code total}. */
    @Column(name = "limit_period", nullable = false)
    public String limitPeriod = "month";
}
