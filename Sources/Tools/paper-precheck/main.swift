import BotRuntime
import Foundation

exit(await PaperPrecheckCommand.main())
