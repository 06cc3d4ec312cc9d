import { addonNotFound } from '../../../src/native/addon-error';

describe('AddonNotFoundError', () => {
  it("keeps the loader's reason without its dangling list header or the paths it tried", () => {
    const loader = new Error(
      ['Could not locate the bindings file. Tried:', ' → /somewhere/mesos_napi.node'].join('\n'),
    );
    const error = addonNotFound(loader, { rejected: [] }, undefined);
    expect((error.cause as Error).message).toBe('Could not locate the bindings file.');
    expect(error.code).toBe('MESOS_NAPI_ADDON_NOT_FOUND');
  });
});
