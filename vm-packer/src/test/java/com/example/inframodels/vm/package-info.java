/**
 * Tests of the VM image: the real Packer template baked against a stand-in of the Debian cloud
 * image, then booted under qemu and run against the contract.
 */
package com.example.inframodels.vm;
