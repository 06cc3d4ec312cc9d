import type { Input, Offer_Operation } from '../messages';
import type { ResourceLike } from './resource-kind';
import { InvalidArgumentError } from '../errors';

/** A persistent volume: persistentVolume(), createVolume(). */
export interface VolumeFields {
  /** The volume's persistence id: unique among the role's volumes on the agent. */
  id: string;
  /** Where tasks see it, relative to their sandbox (or absolute, with an image). */
  containerPath: string;
  /** The framework's principal; the master requires it when the framework authenticated. */
  principal?: string;
}

/** A persistent volume (read-write) of a reserved disk resource, for createVolume. */
export function persistentVolume(disk: ResourceLike, fields: VolumeFields): ResourceLike {
  if (disk.name !== 'disk' || disk.type !== 'SCALAR') {
    throw new InvalidArgumentError(
      'persistentVolume',
      `expected a scalar 'disk' resource, got '${disk.name}'`,
    );
  }
  if ((disk.reservations ?? []).length === 0) {
    throw new InvalidArgumentError(
      'persistentVolume',
      'the disk is not reserved; Mesos makes persistent volumes only of reserved disk (reserve it first)',
    );
  }
  if (disk.disk?.persistence) {
    throw new InvalidArgumentError(
      'persistentVolume',
      `the disk is already persistent volume '${disk.disk.persistence.id}'`,
    );
  }
  if (!fields.id || !fields.containerPath) {
    throw new InvalidArgumentError('persistentVolume', 'id and containerPath must not be empty');
  }
  return {
    ...disk,
    disk: {
      ...disk.disk,
      persistence: {
        id: fields.id,
        ...(fields.principal !== undefined ? { principal: fields.principal } : {}),
      },
      volume: { mode: 'RW', containerPath: fields.containerPath },
    },
  };
}

function checkVolumes(verb: string, volumes: ResourceLike[]): void {
  if (volumes.length === 0) throw new InvalidArgumentError(verb, `no volumes given`);
  volumes.forEach((volume, i) => {
    if (!volume.disk?.persistence || !volume.disk.volume) {
      throw new InvalidArgumentError(
        verb,
        `volumes[${i}] (${volume.name}) is not a persistent volume (see persistentVolume)`,
      );
    }
  });
}

/**
 * A CREATE operation for persistent volumes made by persistentVolume(), of reserved disk as
 * offered or as reserved by a RESERVE earlier in the same acceptOffers. A task mounts one by
 * having it among its resources.
 */
export function createVolume(volumes: ResourceLike[]): Input<Offer_Operation> {
  checkVolumes('createVolume', volumes);
  return { type: 'CREATE', create: { volumes } };
}

/** A DESTROY operation: the persistent volumes (as offered) and their data are removed. */
export function destroyVolume(volumes: ResourceLike[]): Input<Offer_Operation> {
  checkVolumes('destroyVolume', volumes);
  return { type: 'DESTROY', destroy: { volumes } };
}

/**
 * The reserved disk a persistent volume is made of: what DESTROY gives back, e.g. to
 * unreserve in the same acceptOffers.
 */
export function volumeDisk(volume: ResourceLike): ResourceLike {
  const { persistence: _persistence, volume: _volume, ...disk } = volume.disk ?? {};
  const { disk: _disk, ...rest } = volume;
  return Object.keys(disk).length > 0 ? { ...rest, disk } : rest;
}
