/** The models fetched into this browser's storage, as the real model's state sees them. */
import { downloadModel, parseModelAddress, probeModelSize } from '../../realModel/modelDownload.ts';
import { deleteStoredModel, listStoredModels, openStoredModel } from '../../realModel/modelStore.ts';
import type { ModelStore } from './realModel.ts';

export const browserModelStore: ModelStore = {
  list: listStoredModels,
  open: openStoredModel,
  remove: deleteStoredModel,
  probe: (address) => probeModelSize(parseModelAddress(address)),
  download: (address, { signal, onProgress }) =>
    downloadModel(parseModelAddress(address), {
      signal,
      onProgress: ({ receivedBytes, totalBytes }) => onProgress(receivedBytes, totalBytes),
    }),
};
