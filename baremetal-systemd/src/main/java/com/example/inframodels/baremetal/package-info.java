/**
 * Bare metal: the advisor as one executable fat JAR, started and restarted by systemd. All
 * behaviour comes from app-core; this package only boots it.
 */
package com.example.inframodels.baremetal;
