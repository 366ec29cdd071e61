// Device checkpoints kept in the record system (issue 16, ADR 0003 "Storage honesty"): one R4 `Device` resource per
// device store, found with a standard identifier search. Device is the R4 resource for an installed piece of
// software; its `note` (an Annotation) carries the time up to which the record system confirmed everything made on
// it, in words too, so a person reading the record system sees what it means.
import { StrError, isStrError } from '../../errors.js';
import type { DeviceCheckpoint, DeviceCheckpoints } from '../../device-checkpoint.js';
import type { Resource } from './fhir-types.js';
import { FhirHttp, type GetToken } from './http.js';

export interface FhirDeviceCheckpointsOptions {
  /** The FHIR R4 base, as for `fhirStore`. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly getToken?: GetToken;
  readonly timeoutMs?: number;
  /** Identifier system of the device store's key (default `urn:strkit:device-store`); its database id uses `…:database`. */
  readonly system?: string;
}

interface DeviceResource extends Resource {
  identifier?: { system?: string; value?: string }[];
  note?: { time?: string; text?: string }[];
}

/** Checkpoints as FHIR `Device` resources on the record system (`Device?identifier=<system>|<key>`). */
export function fhirDeviceCheckpoints(options: FhirDeviceCheckpointsOptions): DeviceCheckpoints {
  let http: FhirHttp;
  let system: string;
  try {
    http = new FhirHttp(options);
    system = String(options.system ?? 'urn:strkit:device-store');
  } catch (e) {
    if (isStrError(e)) throw e;
    throw new StrError('validation', 'fhirDeviceCheckpoints needs { baseUrl }', false, { issues: [{ path: 'baseUrl', code: 'invalid', message: 'Pass the FHIR base URL' }] }, { cause: e });
  }
  const find = async (key: string) => (await http.searchAll('Device', [['identifier', `${system}|${key}`]]))[0] as DeviceResource | undefined;
  const resource = (key: string, c: DeviceCheckpoint): DeviceResource => ({
    resourceType: 'Device',
    identifier: [{ system, value: key }, { system: `${system}:database`, value: c.deviceId }],
    status: 'active',
    deviceName: [{ name: `STR Kit device store ${key}`, type: 'user-friendly-name' }],
    note: [{ time: c.confirmedAt, text: `STR Kit on a browser: everything made on this device before ${c.confirmedAt} reached the record system.` }],
  } as DeviceResource);

  return {
    async read(key) {
      const found = await find(key);
      const deviceId = found?.identifier?.find((i) => i.system === `${system}:database`)?.value;
      const confirmedAt = found?.note?.[0]?.time;
      return deviceId && confirmedAt ? { deviceId, confirmedAt } : undefined;
    },
    async write(key, checkpoint) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const found = await find(key);
        const res = found
          ? await http.request('PUT', `Device/${found.id}`, { ...resource(key, checkpoint), id: found.id! }, { 'if-match': `W/"${found.meta?.versionId}"` })
          : await http.request('POST', 'Device', resource(key, checkpoint), { 'if-none-exist': `identifier=${system}|${key}` });
        // 200 to the create: another tab made it meanwhile (as 409/412 to the update): read it again and update, once.
        if ((found && res.status === 200) || res.status === 201) return;
        if (res.status !== 200 && res.status !== 409 && res.status !== 412) break;
      }
      throw new StrError('transport', `Writing the device checkpoint of ${key} failed`, true);
    },
  };
}
