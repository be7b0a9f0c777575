"""Services: between the Telegram handlers and the database.

Each service owns the sessionmaker and the transactions of its calls: handlers parse,
call a service and format, and never open a session themselves. Rights are decided
in one place (``AccessService.role``) and checked again inside every write.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.runtime import Runtime
from bot.services.access import AccessService
from bot.services.dialogues import DialogueService
from bot.services.editing import EditingService
from bot.services.ingest import IngestService
from bot.services.languages import LanguageService
from bot.services.questions import QuestionStatsService
from bot.services.subscriptions import SubscriptionService
from bot.services.transfer import TransferService


@dataclass(frozen=True)
class Services:
    access: AccessService
    editing: EditingService
    dialogues: DialogueService
    subscriptions: SubscriptionService
    questions: QuestionStatsService
    transfer: TransferService
    ingest: IngestService
    languages: LanguageService

    @classmethod
    def create(cls, runtime: Runtime) -> Services:
        sessions = runtime.sessionmaker
        return cls(
            access=AccessService(runtime),
            editing=EditingService(sessions),
            dialogues=DialogueService(sessions),
            subscriptions=SubscriptionService(sessions),
            questions=QuestionStatsService(sessions),
            transfer=TransferService(sessions),
            ingest=IngestService(sessions),
            languages=LanguageService(sessions),
        )


__all__ = [
    "AccessService",
    "DialogueService",
    "EditingService",
    "IngestService",
    "LanguageService",
    "QuestionStatsService",
    "Services",
    "SubscriptionService",
    "TransferService",
]
