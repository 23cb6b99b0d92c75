import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

@WebController()
export class UniversityPagesController {
  constructor(private readonly view: ViewService) {}
}
