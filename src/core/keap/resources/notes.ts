import type { KeapNote } from '../../model';
import type { KeapTransport } from '../transport';
import { KeapList } from './resource';

/** `GET /v2/notes`: every contact's notes in one list (filters: contact_id, since_time, ids…), read only. */
export class NotesResource extends KeapList<KeapNote> {
  constructor(transport: KeapTransport) {
    super(transport, '/v2/notes', 'notes');
  }
}
